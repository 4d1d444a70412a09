package org.backpropkit.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backpropkit.core.Activation;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;

/**
 * The paths the chain rule sums over for one parameter: from the unit the parameter feeds, forward
 * through every unit it reaches, to every output.
 *
 * <p>For the article's {@code w₁₁} there are two, {@code w₁₁ → h₁ → y₁} and {@code w₁₁ → h₁ → y₂},
 * which is why {@code ∂L/∂h₁} is a sum over both outputs. A weight {@code w⁽ˡ⁾_ij} joins unit
 * {@code i} of layer {@code l−1} to unit {@code j} of layer {@code l}; every path starts at unit
 * {@code j} of layer {@code l}, and in a dense network it fans out to every unit of every later layer.
 * Each path contributes one product (see {@link #value}):
 * <pre>  input_i · f′(a_j) · w_jk · f′(a_k) · … · δ⁽ᴸ⁾_m</pre>
 * and {@code ∂L/∂θ} is the sum of the products over all paths — the chain rule written out, with no
 * δ of a hidden layer used (those are exactly these sums, folded).
 *
 * <p>Units are counted as {@code (layer, index)} with layer 0 the inputs and indices from 0; an edge
 * {@code (l, i, j)} is the weight {@code w⁽ˡ⁾_ij} of layer {@code l}.
 */
public final class ChainPaths {

    /** Unit {@code index} (from 0) of layer {@code layer} (0 = the inputs, L = the outputs). */
    public record Unit(int layer, int index) {
    }

    /** The weight {@code w⁽ˡ⁾} from unit {@code from} of layer {@code l−1} to unit {@code to} of layer {@code l}, indices from 0. */
    public record Edge(int layer, int from, int to) {
    }

    private final Network net;
    private final Parameter parameter;
    private final List<List<Unit>> paths;
    private final Set<Edge> edges;
    private final Set<Unit> units;

    private ChainPaths(Network net, Parameter parameter) {
        this.net = net;
        this.parameter = parameter;
        List<List<Unit>> found = new ArrayList<>();
        List<Unit> path = new ArrayList<>();
        path.add(new Unit(parameter.layer(), parameter.col()));
        extend(path, found);
        this.paths = Collections.unmodifiableList(found);
        Set<Edge> e = new LinkedHashSet<>();
        Set<Unit> u = new LinkedHashSet<>();
        if (!parameter.isBias()) {
            e.add(new Edge(parameter.layer(), parameter.row(), parameter.col()));
        }
        for (List<Unit> p : found) {
            u.addAll(p);
            for (int k = 1; k < p.size(); k++) {
                e.add(new Edge(p.get(k).layer(), p.get(k - 1).index(), p.get(k).index()));
            }
        }
        this.edges = Collections.unmodifiableSet(e);
        this.units = Collections.unmodifiableSet(u);
    }

    /** Depth first: every continuation of {@code path} through the next layers, in unit order. */
    private void extend(List<Unit> path, List<List<Unit>> found) {
        Unit last = path.get(path.size() - 1);
        if (last.layer() == net.depth()) {
            found.add(List.copyOf(path));
            return;
        }
        for (int k = 0; k < net.layer(last.layer() + 1).units(); k++) {
            path.add(new Unit(last.layer() + 1, k));
            extend(path, found);
            path.remove(path.size() - 1);
        }
    }

    /** The paths for the named parameter, e.g. {@code ChainPaths.of(net, "w11")}. */
    public static ChainPaths of(Network net, String parameter) {
        return new ChainPaths(net, net.parameter(parameter));
    }

    /** The paths for parameter {@code p}. */
    public static ChainPaths of(Network net, Parameter p) {
        return new ChainPaths(net, p);
    }

    public Parameter parameter() {
        return parameter;
    }

    /** Every path, each a list of units from the parameter's own unit to one output. */
    public List<List<Unit>> paths() {
        return paths;
    }

    /** The number of paths: the product of the widths of the layers after the parameter's. */
    public int count() {
        return paths.size();
    }

    /** Every weight on some path, the parameter's own edge first (a bias has none). */
    public Set<Edge> edges() {
        return edges;
    }

    /** Every unit on some path. */
    public Set<Unit> units() {
        return units;
    }

    /**
     * The product the chain rule takes along {@code path} for one sample:
     * {@code input · f′(a) · w · f′(a) · w · … · δ⁽ᴸ⁾}, where the input is {@code h⁽ˡ⁻¹⁾_i}
     * ({@code x_i} for the first layer, 1 for a bias), each hidden unit on the way contributes its
     * slope {@code f′(a)} and each edge after the first its weight, and the output contributes its
     * error {@code δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾}.
     */
    public double value(List<Unit> path, Gradients g) {
        ForwardPass fp = g.forward();
        double product = parameter.isBias() ? 1 : fp.h(parameter.layer() - 1).get(0, parameter.row());
        for (int k = 0; k + 1 < path.size(); k++) {
            Unit u = path.get(k), next = path.get(k + 1);
            Activation f = net.layer(u.layer()).activation();
            product *= f.derivative(fp.a(u.layer()).get(0, u.index()), fp.h(u.layer()).get(0, u.index()));
            product *= net.layer(next.layer()).w().get(u.index(), next.index());
        }
        Unit out = path.get(path.size() - 1);
        return product * g.delta(net.depth()).get(0, out.index());
    }

    /** {@code ∂L/∂θ} as the sum of the path products: equal to backpropagation's answer. */
    public double sum(Gradients g) {
        double s = 0;
        for (List<Unit> path : paths) {
            s += value(path, g);
        }
        return s;
    }

    /** The printed name of a unit: {@code x₁}, {@code h₂}, {@code h⁽²⁾₃}, {@code y₁}. */
    static String name(Notation n, Unit u) {
        return Notation.indexed(n.h(u.layer(), false), false, u.index() + 1);
    }

    /** One path per line, e.g. {@code w₁₁ → h₁ → y₁}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (List<Unit> path : paths) {
            s.append(s.length() > 0 ? "\n" : "").append(parameter.symbol());
            for (Unit u : path) {
                s.append(" → ").append(name(net.notation(), u));
            }
        }
        return s.toString();
    }
}
