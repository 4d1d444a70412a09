package org.backpropkit.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The javadoc of the kit's classes and members — the formula each implements — for Shift-Tab.
 *
 * <p>JShell looks for javadoc only in the JDK's own {@code src.zip}, so the kernel reads the kit's comments
 * itself, from the sources jar that {@code mvn package} writes beside the kit's jar
 * ({@code target/backprop-kit-sources.jar}). A file is parsed (not compiled) the first time one of its members
 * is asked about, and its comments are kept.
 */
final class Javadoc {

    private static final String KIT_PACKAGE = "org/backpropkit/";

    private final Path sourcesJar;
    private Map<String, List<String>> filesByClass;
    private final Map<String, Map<String, String>> commentsByFile = new HashMap<>();

    Javadoc(Path sourcesJar) {
        this.sourcesJar = sourcesJar;
    }

    /** The kit's javadoc, from {@code backprop-kit-sources.jar} beside {@code backprop-kit.jar} on the class path. */
    static Javadoc besideKitJar() {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (jar.getFileName() != null && jar.getFileName().toString().equals("backprop-kit.jar")) {
                Path sources = jar.resolveSibling("backprop-kit-sources.jar");
                return new Javadoc(Files.isReadable(sources) ? sources : null);
            }
        }
        return new Javadoc(null);
    }

    /**
     * The comment of the kit element JShell describes as {@code signature} (e.g. {@code double
     * Activation.apply(double)}, {@code Activation Activation.SIGMOID}, {@code org.backpropkit.core.Network}),
     * as plain text; null when it is not the kit's or has no comment.
     */
    synchronized String of(String signature) {
        if (sourcesJar == null) {
            return null;
        }
        int paren = signature.indexOf('(');
        String head = (paren < 0 ? signature : signature.substring(0, paren)).replaceAll("<[^<>]*>", "").strip();
        String member = strip(head.substring(head.lastIndexOf(' ') + 1));
        int dot = member.lastIndexOf('.');
        List<String[]> candidates = new ArrayList<>(); // {owner, member key}
        if (paren >= 0) {
            String params = "(" + parameterTypes(signature.substring(paren + 1, signature.lastIndexOf(')'))) + ")";
            if (!head.contains(" ")) { // a constructor: Owner(params)
                candidates.add(new String[] {member, "<init>" + params});
            }
            if (dot > 0) {
                candidates.add(new String[] {member.substring(0, dot), member.substring(dot + 1) + params});
            }
        } else {
            candidates.add(new String[] {member, ""}); // a class …
            if (dot > 0) { // … or a field or enum constant, with or without its type before it
                candidates.add(new String[] {member.substring(0, dot), member.substring(dot + 1)});
            }
        }
        for (String[] candidate : candidates) {
            String owner = candidate[0];
            String top = owner.contains(".") ? owner.substring(0, owner.indexOf('.')) : owner;
            for (String file : files().getOrDefault(top, List.of())) {
                String comment = comments(file).get(owner + "#" + candidate[1]);
                if (comment != null) {
                    return comment;
                }
            }
        }
        return null;
    }

    /** {@code org.backpropkit.core.Network.Builder} without its package: {@code Network.Builder}. */
    private static String strip(String name) {
        return name.startsWith("org.backpropkit.") ? name.substring(Math.min(name.length(), firstUpper(name))) : name;
    }

    private static int firstUpper(String name) {
        for (int k = 0; k < name.length(); k++) {
            if (Character.isUpperCase(name.charAt(k)) && (k == 0 || name.charAt(k - 1) == '.')) {
                return k;
            }
        }
        return name.length();
    }

    /** Parameter types without names, generics or packages, varargs as arrays: {@code int[], Matrix}. */
    private static String parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        for (String p : list.replaceAll("<[^<>]*>", "").replaceAll("<[^<>]*>", "").split(",")) {
            String s = p.strip().replace("...", "[]");
            if (s.isEmpty()) {
                continue;
            }
            String type = s.contains(" ") ? s.substring(0, s.lastIndexOf(' ')).strip() : s;
            types.add(type.replaceAll("\\s+", "").replaceAll("^([\\w$]+\\.)+(?=[A-Z])", ""));
        }
        return String.join(",", types);
    }

    /** The kit's top-level classes in the sources jar, by simple name (two packages may share one). */
    private Map<String, List<String>> files() {
        if (filesByClass == null) {
            filesByClass = new HashMap<>();
            try (ZipFile zip = new ZipFile(sourcesJar.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith(KIT_PACKAGE) && n.endsWith(".java"))
                        .forEach(n -> filesByClass.computeIfAbsent(n.substring(n.lastIndexOf('/') + 1, n.length() - 5),
                                k -> new ArrayList<>()).add(n));
            } catch (IOException e) {
                ServerLog.say("cannot read " + sourcesJar + " for javadoc: " + e.getMessage());
            }
        }
        return filesByClass;
    }

    /** The comments of one source file, by "Owner.Inner#member(types)" ("Owner#" for the class itself). */
    private Map<String, String> comments(String file) {
        return commentsByFile.computeIfAbsent(file, f -> {
            try (ZipFile zip = new ZipFile(sourcesJar.toFile())) {
                String source = new String(zip.getInputStream(zip.getEntry(f)).readAllBytes(), StandardCharsets.UTF_8);
                return parse(f, source);
            } catch (IOException | RuntimeException e) {
                ServerLog.say("cannot read the javadoc of " + f + ": " + e);
                return Map.of();
            }
        });
    }

    private static Map<String, String> parse(String name, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        Map<String, String> comments = new HashMap<>();
        try {
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree node, String owner) {
                        String name = owner == null ? node.getSimpleName().toString() : owner + "." + node.getSimpleName();
                        put(name + "#", getCurrentPath());
                        return super.visitClass(node, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree node, String owner) {
                        String types = node.getParameters().stream()
                                .map(p -> p.getType().toString().replaceAll("<.*>", "").replaceAll("\\s+", "")
                                        .replaceAll("^([\\w$]+\\.)+(?=[A-Z])", ""))
                                .collect(Collectors.joining(","));
                        String member = node.getName().contentEquals("<init>") ? "<init>" : node.getName().toString();
                        put(owner + "#" + member + "(" + types + ")", getCurrentPath());
                        return null; // nothing inside a method body is asked about
                    }

                    @Override
                    public Void visitVariable(VariableTree node, String owner) {
                        put(owner + "#" + node.getName(), getCurrentPath());
                        return null;
                    }

                    private void put(String key, TreePath path) {
                        String comment = trees.getDocComment(path);
                        if (comment != null && !comment.isBlank()) {
                            comments.putIfAbsent(key, asText(comment));
                        }
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            ServerLog.say("cannot parse " + name + " for javadoc: " + e.getMessage());
        }
        return comments;
    }

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+");

    /**
     * A javadoc comment as plain text: inline tags reduced to their text ({@code {@code x}} to x,
     * {@code {@link Loss#value}} to Loss.value), HTML paragraphs and list items to blank lines and bullets,
     * other tags dropped, entities decoded, block tags ({@code @param}, {@code @return}) kept as lines.
     */
    static String asText(String javadoc) {
        String comment = javadoc.replaceAll("(?m)^ ", ""); // the space after each line's "*"
        StringBuilder out = new StringBuilder();
        Matcher tag = INLINE_TAG.matcher(comment);
        int at = 0;
        while (tag.find(at)) {
            out.append(comment, at, tag.start());
            int depth = 1;
            int k = tag.end();
            while (k < comment.length() && depth > 0) {
                char c = comment.charAt(k);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                k++;
            }
            String body = comment.substring(tag.end(), Math.max(tag.end(), k - 1)).strip();
            if (tag.group(1).startsWith("link") || tag.group(1).equals("value")) {
                String[] parts = body.split("\\s+", 2);
                body = parts.length > 1 ? parts[1] : parts[0].replaceFirst("^#", "").replace('#', '.');
            }
            out.append(body);
            at = k;
        }
        out.append(comment.substring(at));
        String text = out.toString()
                .replaceAll("\\{@inheritDoc}", "")
                .replaceAll("(?i)<p>|</p>", "\n")
                .replaceAll("(?i)\\s*<li>", "\n  • ")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</?(pre|ul|ol|li|b|i|em|strong|code|tt|table|tr|td|th|caption|thead|tbody|sup|sub|a)(\\s[^>]*)?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\n", -1)) {
            String l = line.stripTrailing();
            if (!(l.isEmpty() && (lines.isEmpty() || lines.get(lines.size() - 1).isEmpty()))) {
                lines.add(l);
            }
        }
        return String.join("\n", lines).strip();
    }
}
