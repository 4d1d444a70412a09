package org.backpropkit.kernel;

import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What a cell did in passing that a learner would not notice, said in its output (on stdout, as a note, never
 * on stderr): a class of the cell that hides a class the kernel imports (the kit's {@code Network}, say), and
 * variables that JShell reset or set aside because a declaration they depend on changed.
 */
final class CellNotes {

    private CellNotes() {
    }

    /** Adds a note when {@code event} declared a new class whose name hides an imported one. */
    static void hidesImportedClass(SnippetEvent event, List<String> notes) {
        if (!(event.snippet() instanceof TypeDeclSnippet type) || event.previousStatus() != Snippet.Status.NONEXISTENT
                || !event.status().isDefined()) {
            return;
        }
        String hidden = importedClass(type.name());
        if (hidden != null) {
            notes.add("Note: your class " + type.name() + " hides " + hidden + " from here on: later cells that say "
                    + type.name() + " mean yours. To keep both, give yours another name (e.g. My" + type.name() + ").");
        }
    }

    /** Adds a note when a variable was reset or can no longer be used because something it depends on changed. */
    static void dependentChanged(SnippetEvent event, List<String> notes) {
        if (!(event.snippet() instanceof VarSnippet var) || event.previousStatus() != Snippet.Status.VALID) {
            return;
        }
        String cause = event.causeSnippet() instanceof jdk.jshell.PersistentSnippet p ? p.name() : "an earlier change";
        if (event.status() == Snippet.Status.VALID) {
            notes.add("Note: " + var.name() + " was reset to " + (isPrimitive(var.typeName()) ? "its default" : "null")
                    + ": its type depends on " + cause + ", which this cell changed.");
        } else if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            notes.add("Note: " + var.name() + " can no longer be used: it depends on " + cause + ", which this cell changed.");
        }
    }

    private static boolean isPrimitive(String type) {
        return List.of("int", "long", "double", "float", "short", "byte", "char", "boolean").contains(type);
    }

    /** The full name of the class that {@code name} meant through the kernel's imports (or java.lang), or null. */
    static String importedClass(String name) {
        for (String line : JavaKernel.STARTUP_IMPORTS) {
            if (!line.startsWith("import ") || line.startsWith("import static ")) {
                continue;
            }
            String imported = line.substring("import ".length(), line.length() - 1).strip(); // a.b.C or a.b.*
            String found = imported.endsWith(".*") ? classNamed(imported.substring(0, imported.length() - 1) + name)
                    : imported.endsWith("." + name) ? classNamed(imported) : null;
            if (found != null) {
                return found;
            }
        }
        return classNamed("java.lang." + name);
    }

    private static String classNamed(String fullName) {
        try {
            Class.forName(fullName, false, ClassLoader.getSystemClassLoader());
            return fullName;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
