package org.backpropkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The numbers the kit computed before its restructuring (issue 12), recorded once and held bit for
 * bit: the article network's loss and 17 gradients, training runs on XOR and on the moons (full batch,
 * mini-batches with momentum, fused and unfused output errors, batch sizes that are and are not powers
 * of two), the gradients of deeper tanh and ReLU/softmax networks, and gradient-check summaries.
 *
 * <p>{@link #main} prints the current numbers in the form of {@link #RECORDED}; the record was made
 * with it at commit f36a6cd, before any change to the library. A change that reorders floating-point
 * operations shows up here as a failure naming the quantity and both values.
 */
class SameNumbersTest {

    private static final Matrix XOR_X = Matrix.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0},
            new double[] {1, 1});
    private static final Matrix XOR_T = Matrix.of(new double[] {0}, new double[] {1}, new double[] {1},
            new double[] {0});
    private static final Matrix BATCH_X = Matrix.of(new double[] {0.5, -0.8, 0.3}, new double[] {-1.2, 0.4, 0.9},
            new double[] {0.05, 1.5, -0.6});

    /** Every quantity by name: all parameters in {@link Network#parameters()} order, then losses. */
    static Map<String, double[]> numbers() {
        Map<String, double[]> out = new LinkedHashMap<>();
        Network article = Article.network();
        Gradients g = article.gradients(Article.x(), Article.t());
        out.put("article loss and gradients", withLoss(g.loss(), gradients(article, g)));

        Network xor = Network.of(2, 4, 1).hidden(Activation.TANH).seed(3);
        History h = Trainer.sgd(0.5).epochs(300).train(xor, XOR_X, XOR_T);
        out.put("xor full batch: losses at 0, 150, 300, then weights", run(h, xor));

        Network xorMomentum = Network.of(2, 5, 1).seed(11);
        h = Trainer.sgd(0.3).momentum(0.9).batchSize(3).seed(12).epochs(300).train(xorMomentum, XOR_X, XOR_T);
        out.put("xor batches of 3 with momentum", run(h, xorMomentum));

        Examples moons = DataSet.load("moons").inputs("x1", "x2").targets("t");
        Network bce = Network.of(2, 8, 1).hidden(Activation.TANH).loss(Loss.BINARY_CROSS_ENTROPY).seed(3);
        h = Trainer.sgd(0.5).epochs(200).train(bce, moons.x(), moons.t());
        out.put("moons full batch (200), binary cross-entropy", run(h, bce));

        Network l2 = Network.of(2, 6, 1).seed(4);
        h = Trainer.sgd(1.0).epochs(200).train(l2, moons.x(), moons.t());
        out.put("moons full batch (200), L2 after a sigmoid", run(h, l2));

        Examples oneHot = DataSet.load("moons").inputs("x1", "x2").oneHot("t");
        Network ce = Network.of(2, 8, 8, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(3);
        h = Trainer.sgd(0.1).epochs(100).batchSize(16).momentum(0.9).seed(3).train(ce, oneHot.x(), oneHot.t());
        out.put("moons batches of 16 with momentum, softmax and cross-entropy", run(h, ce));

        Network tanh = Network.of(3, 5, 4, 2).hidden(Activation.TANH).seed(1);
        Matrix t2 = Matrix.of(new double[] {0.2, 0.7}, new double[] {0.9, 0.1}, new double[] {0.4, 0.4});
        g = tanh.gradients(BATCH_X, t2);
        out.put("3-layer tanh, L2, batch of 3", withLoss(g.loss(), gradients(tanh, g)));

        Network relu = Network.of(3, 5, 4, 3).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(2);
        Matrix t3 = Matrix.of(new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0});
        g = relu.gradients(BATCH_X, t3);
        out.put("3-layer ReLU, softmax and cross-entropy, batch of 3", withLoss(g.loss(), gradients(relu, g)));

        out.put("article gradient check: numeric slopes", numericSlopes(article, Article.x(), Article.t()));
        return out;
    }

    /** The gradient-check summaries lessons print. */
    static List<String> summaries() {
        double[] x3 = {0.5, -0.8, 0.3};
        return List.of(
                GradientCheck.run(Article.network(), Article.x(), Article.t()).summary(),
                GradientCheck.run(Network.of(3, 5, 4, 2).hidden(Activation.TANH).seed(1), x3, new double[] {0.2, 0.7})
                        .summary(),
                GradientCheck.run(Network.of(3, 5, 4, 3).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(2), x3,
                        new double[] {0, 0, 1}).summary(),
                GradientCheck.run(Network.of(2, 4, 3, 3, 2).seed(42), Article.x(), Article.t()).summary());
    }

    private static double[] numericSlopes(Network net, double[] x, double[] t) {
        return GradientCheck.run(net, x, t).results().stream().mapToDouble(r -> r.numeric()).toArray();
    }

    private static double[] gradients(Network net, Gradients g) {
        return net.parameters().stream().mapToDouble(g::of).toArray();
    }

    private static double[] withLoss(double loss, double[] values) {
        double[] out = new double[values.length + 1];
        out[0] = loss;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }

    private static double[] run(History h, Network net) {
        List<Double> out = new ArrayList<>(List.of(h.loss(0), h.loss(h.epochs() / 2), h.finalLoss()));
        for (Parameter p : net.parameters()) {
            out.add(net.get(p));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theNumbersAreTheRecordedOnesBitForBit() {
        Map<String, double[]> now = numbers();
        assertEquals(RECORDED.keySet(), now.keySet());
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, double[]> e : RECORDED.entrySet()) {
            double[] expected = e.getValue(), actual = now.get(e.getKey());
            assertEquals(expected.length, actual.length, e.getKey());
            for (int k = 0; k < expected.length; k++) {
                if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(actual[k])) {
                    differ.add(String.format(Locale.ROOT, "%s [%d]: recorded %.17g, now %.17g", e.getKey(), k,
                            expected[k], actual[k]));
                }
            }
        }
        if (!differ.isEmpty()) {
            fail(differ.size() + " numbers changed:\n" + String.join("\n", differ));
        }
    }

    @Test
    void gradientCheckSummariesAreTheRecordedOnes() {
        assertEquals(SUMMARIES, summaries());
    }

    /** Prints the current numbers as Java source for {@link #RECORDED} and {@link #SUMMARIES}. */
    public static void main(String[] args) {
        StringBuilder s = new StringBuilder("    private static final Map<String, double[]> RECORDED = recorded(\n");
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, double[]> e : numbers().entrySet()) {
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < e.getValue().length; k++) {
                values.append(k == 0 ? "" : k % 3 == 0 ? ",\n                " : ", ")
                        .append(String.format(Locale.ROOT, "%.17g", e.getValue()[k]));
            }
            entries.add("            \"" + e.getKey() + "\", new double[] {\n                " + values + "}");
        }
        s.append(String.join(",\n", entries)).append(");\n\n    private static final List<String> SUMMARIES = List.of(\n");
        List<String> lines = new ArrayList<>();
        for (String summary : summaries()) {
            lines.add("            \"" + summary + "\"");
        }
        s.append(String.join(",\n", lines)).append(");\n");
        System.out.print(s);
    }

    private static Map<String, double[]> recorded(Object... nameThenValues) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int k = 0; k < nameThenValues.length; k += 2) {
            m.put((String) nameThenValues[k], (double[]) nameThenValues[k + 1]);
        }
        return m;
    }

    // ---- Recorded at f36a6cd by main() above.

    private static final Map<String, double[]> RECORDED = recorded(
            "article loss and gradients", new double[] {
                0.092447005371623600, -0.011407940757245006, -0.0039316107069943870,
                0.0039721084798384670, -0.018252705211592012, -0.0062905771311910190,
                0.0063553735677415474, -0.022815881514490013, -0.0078632214139887740,
                0.0079442169596769340, -0.028360382883882690, 0.049336114290114320,
                -0.028686465606525546, 0.049903372304161885, -0.018163582564226965,
                0.031597619431855344, -0.046085686515675250, 0.080171297629690340},
            "xor full batch: losses at 0, 150, 300, then weights", new double[] {
                0.13190133307630540, 0.066793633779104670, 0.019885991727542850,
                0.67244165477140570, -2.1838649263306875, -0.95283304018910200,
                1.5317560068596374, 0.20477114220169124, 1.9355824596621471,
                0.90332299618688480, -1.7870110997524022, 0.37549869673375660,
                -0.98545603180521560, 0.46257109421622705, -0.73722529325866430,
                0.88161374042418230, 2.4779743966615700, -0.83344187930538070,
                1.7460822722264357, 1.4958700285504387},
            "xor batches of 3 with momentum", new double[] {
                0.13531601231006110, 0.12306706850236500, 0.034568518538056480,
                0.77498271646339400, -0.036677856806176890, 0.33021084090825736,
                -4.0836849869436710, -4.0199108008859350, -2.0889678773108002,
                -1.0026415601682910, 1.7080737183128727, -3.2277666775678697,
                2.8729050585942955, -0.25816394900066840, -0.38778282003413630,
                -1.0362527797485404, 0.67561714743541130, -1.7310499616776964,
                2.0417588812480765, 0.95180197153870860, -1.8182269681424560,
                -4.0801521981040630, 3.5137472738277270, 0.022948745661605090},
            "moons full batch (200), binary cross-entropy", new double[] {
                0.56598421550534580, 0.30039222612894967, 0.28644440631585430,
                0.41836576065933750, -0.40237331762793843, -0.86376622775073900,
                0.19144695786897795, -0.40107544342538120, -0.36031274030903350,
                0.46994909391093614, -0.95786669354801630, 0.40145189726804426,
                1.0721583591403270, -0.45114607683608887, 0.81010017918294270,
                1.0512115969861280, 0.60805723868730200, 0.79823669332085560,
                -0.99893695442716590, 0.038301182290488390, -0.012474689186790143,
                -0.37552626961097724, -0.069296058818405670, -0.052628631241797850,
                -0.043115812402628150, -0.097729028956817300, 0.54547753547322610,
                0.14156942131155110, -1.9386620757719520, -0.45041329835099625,
                -0.36312167699234220, -1.6090623780486872, -1.0279257636914982,
                -0.19094572203577917, 1.0408679097001337, 0.087090967067546890},
            "moons full batch (200), L2 after a sigmoid", new double[] {
                0.12539584441192503, 0.063397217311296370, 0.053677681761259670,
                0.58548011368912890, 0.99830664895096940, 0.87120034334134640,
                -0.31152440243857266, -0.87951876998632020, -0.57515851383527470,
                -0.0012053870423564417, -0.25201138570144643, -1.4771377756087147,
                1.6356360296875930, 1.3210915092131579, -1.2466035763598524,
                -0.028952948759557270, -0.070163132885987690, -0.087306203878357730,
                -0.079153319336040170, 0.089457704713031240, 0.057809688141658630,
                0.43221951787542250, 1.0363749653650491, 1.7667778925730835,
                -1.7283116522066644, -1.6428024502308334, 0.82120466135158880,
                -0.28149066768268693},
            "moons batches of 16 with momentum, softmax and cross-entropy", new double[] {
                0.80452601565350660, 0.022765626168881586, 0.021325067545600850,
                0.49197827019105980, -3.3588942845780214, -0.32609691648907907,
                0.35184611195349900, -2.0079998084973467, 0.73722983891185710,
                -3.8407021384982750, -5.3785444382670090, -0.052888170096690154,
                3.0635950795677043, -0.59856839328314160, 1.0434676362236424,
                1.2729639120804763, -0.57219787771213090, 2.6135298236720192,
                -2.8815177400870420, -0.44325477657119400, 4.1279917217024495,
                0.41482271950743260, -0.43935909975756543, -1.2520556721575227,
                -0.61724688763177140, -1.9946342543555076, 3.3712721483795870,
                0.054163510898549350, -0.48957969934620765, 0.24861400699236920,
                0.13899375725503618, -0.43659958621542044, -0.79106657641814200,
                0.13380839910885703, 0.32984184333958555, 1.3858857755272311,
                1.4779516520202394, -0.80283326635690530, -1.1289176678587767,
                0.86413590879891990, -0.42608782380253720, -1.9930030204917575,
                -0.0027726989957043606, 0.015113898690451613, -0.23307392047245093,
                0.071094103813088840, -0.056380876556096034, -0.30123896162331360,
                0.38260739243754943, -0.43127309980241246, 0.13308011462378150,
                -0.020047797278278040, -0.085582409968384970, -0.094970623343431120,
                -0.10430696693516607, 0.35758389698670806, -1.1130653101299446,
                0.53136533348238970, 0.21654900094708657, 0.57976482369582560,
                0.53956875564205050, -0.94227415961839920, -0.62110351779075830,
                0.16688155585097060, 0.14087281046388570, -0.42363468453035990,
                0.60455710452071790, 0.26532693435576093, -0.77982863505169320,
                0.051250687084350176, 0.60914823164114320, -0.11109210379648152,
                -0.60005828076244530, 0.28944995021405817, -0.043727964308559200,
                0.69752533184788650, 1.3614512729319181, -1.2394295251536038,
                -1.1428382373300810, 0.35458698308038045, -0.48057563832829330,
                -1.5892408832742815, 0.94358652058499950, -0.46577771579847670,
                -1.6104930240688353, 0.92535464872984290, 1.7072427834965880,
                -1.3102075074653057, 0.93371154833764540, 3.4842369679122060,
                0.24418304521097640, -0.032370016367730770, -0.34301530827978494,
                -0.11178437387418184, -0.046682123738943610, 0.13404956316732927,
                -0.31534670000105130, -0.54572650171392690, -0.090820175884983700,
                0.32173509031257610, -0.82533588581771460, 0.99557074124759140,
                -0.93951356562066810, -1.2993505220972814, 0.44848047713149170,
                -1.2376208505265380, 0.015898707412405077, 0.30389263868766014,
                -0.59021072561160090, -1.0792900849337290, 0.21855259131128005,
                -1.5918115935969450, 1.3896011508771842, 0.59457442821801390,
                -0.30121375016628930, 0.36606038760801220, -0.36606038760801050},
            "3-layer tanh, L2, batch of 3", new double[] {
                0.11754348608487132, 0.0021100465834615533, 0.044746855586047520,
                0.0059972417290915910, -0.0022590325224952526, 0.024017661424240933,
                -0.00098665262291238900, -0.012658425195353849, -0.0020600168491129106,
                0.00018177640475018213, -0.013045485318210866, -0.00020653563845500847,
                -0.035335737314409710, -0.0040168994223569790, 0.0025488119918671585,
                -0.0099610576893788130, 0.0033941507771282690, -0.039687060373933526,
                -0.0031108198853694665, 0.0041940997950116470, 0.0025378390981854486,
                -0.020438457778773025, -0.0060091659658246090, -0.012654610197658317,
                -0.027751459166051894, 0.0050721676079801300, 0.0019315535517690661,
                0.0043975158171787930, 0.0072789581206167620, 0.013245448869430944,
                0.0047188142965210970, 0.0094890336193623710, 0.018719545678966450,
                0.015201618839499841, 0.0044419075815608440, 0.0096196359737970950,
                0.020616091343485240, -0.029336662440814520, -0.0091758771283125850,
                -0.016334883639396400, -0.040326213310686226, 0.030721496762275854,
                -0.010347207656633927, -0.0023075312416437550, 0.024435325005803050,
                -0.0045306460693053646, 0.010411624182219187, -0.035466099314473344,
                0.027298361410613570, -0.021955528721685530, 0.020213861652307305,
                -0.024275470367092666, 0.024584659457150528, -0.0032869115853518330,
                0.028070652612763080},
            "3-layer ReLU, softmax and cross-entropy, batch of 3", new double[] {
                1.3314828395518320, -0.0037148069856765605, -0.055023178379143960,
                0.13390556221390730, 0.0029103307314057645, 0.0084314947018865700,
                -0.11144420957029680, 0.088037085406630340, -0.14237128200714255,
                0.087309921942172940, 0.25294484105659710, 0.044577683828118720,
                -0.033013907027486376, 0.0037369291659254540, -0.034923968776869170,
                -0.10117793642263882, -0.074296139713531200, -0.11004635675828792,
                0.10703224309928105, 0.058206614628115286, 0.16862989403773138,
                0.79999802790441610, 0.040175845483877260, 0.0000000000000000,
                0.0000000000000000, 0.0000000000000000, 0.082283236654078630,
                -0.21168005630336262, 0.0000000000000000, 0.0000000000000000,
                0.054580854262179870, -0.19761360178485050, 0.0097944135401133030,
                0.51151338497973970, 0.025688166721751504, 0.0000000000000000,
                0.0000000000000000, 0.58357853664226160, 0.029307273640739536,
                0.0000000000000000, 0.0000000000000000, 0.27611026462072280,
                0.022702839021927212, -0.15732842710463810, 0.023046900932520320,
                0.16398332851712716, -0.24232164425136190, 0.078338315734234730,
                0.17875661325778600, 0.099135446079023600, -0.27789205933680960,
                0.040143085039368730, 0.030402754282186020, -0.070545839321554750,
                -0.023370113441293746, 0.011486088797314413, 0.011884024643979339,
                0.10444859461245215, -0.067096483094415790, -0.037352111518036300},
            "article gradient check: numeric slopes", new double[] {
                -0.011407940756630318, -0.0039316107057485450, 0.0039721084782451400,
                -0.018252705212551400, -0.0062905771300303380, 0.0063553735676902250,
                -0.022815881513954524, -0.0078632214114970900, 0.0079442169606536160,
                -0.028360382883091390, 0.049336114290449144, -0.028686465605720630,
                0.049903372304621600, -0.018163582563707203, 0.031597619432055524,
                -0.046085686514901740, 0.080171297630465820});

    private static final List<String> SUMMARIES = List.of(
            "17 parameters: 17 correct, 0 suspicious, 0 wrong; largest relative error 4.0e-10 (w₁₃)",
            "54 parameters: 54 correct, 0 suspicious, 0 wrong; largest relative error 1.3e-09 (w⁽¹⁾₃₃)",
            "59 parameters: 59 correct, 0 suspicious, 0 wrong; largest relative error 1.5e-10 (w⁽¹⁾₁₂)",
            "47 parameters: 47 correct, 0 suspicious, 0 wrong; largest relative error 4.3e-08 (w⁽²⁾₃₁)");
}
