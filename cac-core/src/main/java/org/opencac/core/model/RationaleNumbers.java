package org.opencac.core.model;

import java.util.Locale;

/** Numbers in rationale texts, formatted as {@code String.format(Locale.ROOT, "%.2f")} does but cheaply. */
public final class RationaleNumbers {
    private RationaleNumbers() {
    }

    /**
     * The same text as {@code String.format(Locale.ROOT, "%.2f")} (or {@code "%+.2f"} with {@code plusSign}),
     * several times faster: Formatter rounds the shortest decimal form of the value
     * ({@link Double#toString}) half-up, and takes the sign from the value itself, so -0.001 gives "-0.00".
     */
    public static String twoDecimals(double value, boolean plusSign) {
        return appendTwoDecimals(new StringBuilder(12), value, plusSign).toString();
    }

    /** Values below this use the fixed-point path of {@link #appendTwoDecimals}. */
    private static final double FIXED_POINT_LIMIT = 1e6;
    /**
     * How far (in hundredths) value x 100 must be from a half cent for the fixed-point path: below
     * {@link #FIXED_POINT_LIMIT}, value x 100 differs from the shortest decimal form x 100 by less than 2e-8.
     */
    private static final double HALF_CENT_MARGIN = 1e-6;

    /**
     * Appends {@link #twoDecimals}'s text without building the shortest decimal form when value x 100 is clearly
     * off a half cent (nearly always): rounding it to the nearest hundredth then gives the same digits.
     */
    public static StringBuilder appendTwoDecimals(StringBuilder out, double value, boolean plusSign) {
        double magnitude = Math.abs(value);
        if (magnitude < FIXED_POINT_LIMIT) { // false for NaN and the infinities
            double hundredths = magnitude * 100;
            long whole = (long) hundredths;
            double fraction = hundredths - whole;
            if (Math.abs(fraction - 0.5) > HALF_CENT_MARGIN) {
                long cents = fraction > 0.5 ? whole + 1 : whole;
                if (Double.compare(value, 0.0) < 0) {
                    out.append('-');
                } else if (plusSign) {
                    out.append('+');
                }
                long rest = cents % 100;
                return out.append(cents / 100).append(rest < 10 ? ".0" : ".").append(rest);
            }
        }
        return out.append(twoDecimalsFromShortestForm(value, plusSign));
    }

    /** {@link #twoDecimals} by rounding {@link Double#toString}'s digits half-up, as Formatter does (any value). */
    private static String twoDecimalsFromShortestForm(double value, boolean plusSign) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, plusSign ? "%+.2f" : "%.2f", value);
        }
        boolean negative = Double.compare(value, 0.0) < 0;
        String digits = new java.math.BigDecimal(Double.toString(Math.abs(value)))
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return negative ? "-" + digits : plusSign ? "+" + digits : digits;
    }
}
