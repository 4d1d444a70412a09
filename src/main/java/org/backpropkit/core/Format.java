package org.backpropkit.core;

import java.util.Locale;

/** How the kit prints numbers: six significant digits, the same on every machine (no locale). */
public final class Format {

    private Format() {
    }

    /** Formats {@code v} with six significant digits, e.g. {@code 0.622459}, {@code -1.23457e-05}. */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            return s.contains(".") && !s.contains("e") ? trimZeros(s) : s;
        }
        return String.format(Locale.ROOT, "%.5e", v).replaceFirst("0*e", "e").replace(".e", "e");
    }

    /** Formats a ratio such as a relative error in scientific notation, e.g. {@code 3.1e-11}. */
    public static String scientific(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    private static String trimZeros(String s) {
        String t = s.replaceFirst("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
