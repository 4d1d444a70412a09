package org.backpropkit.kernel;

import java.util.regex.Pattern;

/**
 * Refuses {@code System.exit} and {@code Runtime.getRuntime().exit/halt} in a cell: they would end the kernel
 * and every variable with it, and a learner wanting a fresh start has the Kernel menu.
 */
final class ExitGuard {

    /** {@code System.exit}, {@code Runtime.getRuntime().exit/halt}: they would end the kernel and its state. */
    private static final Pattern EXIT = Pattern.compile(
            "\\bSystem\\s*\\.\\s*exit\\s*\\(|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\s*\\(");

    private ExitGuard() {
    }

    /** Throws a {@link CellError} when {@code code} calls System.exit or Runtime.exit/halt. */
    static void refuse(String code) {
        if (EXIT.matcher(withoutCommentsAndStrings(code)).find()) {
            throw CellError.of("SystemExitRefused", "System.exit would end the kernel and lose every variable,"
                    + " so this cell was not run. To start afresh, restart the kernel from the Kernel menu.");
        }
    }

    /** The code with comments and string/char literals blanked, so that "System.exit(" in a string is fine. */
    static String withoutCommentsAndStrings(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(?:\\\\.|[^'\\\\])*'", "''");
    }
}
