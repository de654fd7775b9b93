package org.opencac.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for offline HTML reports: a line chart and a grouped bar chart, both with the y axis
 * from 0 to 1 (scores). No scripts, no external files.
 */
public final class SvgChart {
    /** A point of a line. */
    public record Point(double x, double y) {
    }

    /** A named line. */
    public record Line(String name, List<Point> points) {
    }

    /** One bar per category; the values line up with the chart's categories. */
    public record Bars(String name, List<Double> values) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 90; // room for rotated bar labels
    private static final int RIGHT = 130;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    /** Lines over x from {@code xMin} to {@code xMax}; y from 0 to 1. */
    public static String lineChart(String title, String xLabel, double xMin, double xMax, List<Line> lines) {
        StringBuilder svg = open(WIDTH, title);
        axes(svg, WIDTH, xLabel);
        for (int tick = 0; tick <= 4; tick++) {
            double x = xMin + (xMax - xMin) * tick / 4;
            text(svg, xPos(x, xMin, xMax, WIDTH), HEIGHT - BOTTOM + 15, "middle", fmt(x));
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder points = new StringBuilder();
            for (Point p : line.points()) {
                points.append(fmt(xPos(p.x(), xMin, xMax, WIDTH))).append(',').append(fmt(yPos(p.y()))).append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(i))
                    .append("\" points=\"").append(points.toString().trim()).append("\"/>\n");
            legend(svg, WIDTH, i, line.name());
        }
        return svg.append("</svg>\n").toString();
    }

    /** Grouped vertical bars, one group per category; the chart widens with the number of categories. */
    public static String barChart(String title, List<String> categories, List<Bars> series) {
        int groupWidth = Math.max(24, 8 + 10 * series.size());
        int width = Math.max(WIDTH, LEFT + RIGHT + groupWidth * categories.size());
        StringBuilder svg = open(width, title);
        axes(svg, width, "");
        double barWidth = (groupWidth - 6.0) / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + c * groupWidth + 3;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                double y = yPos(value);
                svg.append("<rect x=\"").append(fmt(groupX + s * barWidth)).append("\" y=\"").append(fmt(y))
                        .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                        .append(fmt(HEIGHT - BOTTOM - y)).append("\" fill=\"").append(colour(s)).append("\">")
                        .append("<title>").append(HtmlReport.escape(categories.get(c) + " " + series.get(s).name()
                                + ": " + fmt(value))).append("</title></rect>\n");
            }
            double labelX = groupX + groupWidth / 2.0;
            svg.append("<text font-size=\"10\" text-anchor=\"end\" transform=\"translate(").append(fmt(labelX))
                    .append(',').append(HEIGHT - BOTTOM + 10).append(") rotate(-35)\">")
                    .append(HtmlReport.escape(shorten(categories.get(c)))).append("</text>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            legend(svg, width, s, series.get(s).name());
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(HEIGHT + 60).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        text(svg, width / 2.0, 18, "middle", title);
        return svg;
    }

    private static void axes(StringBuilder svg, int width, String xLabel) {
        int right = width - RIGHT;
        for (int tick = 0; tick <= 5; tick++) {
            double value = tick / 5.0;
            double y = yPos(value);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>\n");
            text(svg, LEFT - 5, y + 4, "end", fmt(value));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#000\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"")
                .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#000\"/>\n");
        if (!xLabel.isEmpty()) {
            text(svg, (LEFT + right) / 2.0, HEIGHT - 5, "middle", xLabel);
        }
    }

    private static void legend(StringBuilder svg, int width, int index, String name) {
        double x = width - RIGHT + 10;
        double y = TOP + 10 + index * 18;
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y - 9)).append("\" width=\"10\" height=\"10\" fill=\"")
                .append(colour(index)).append("\"/>\n");
        text(svg, x + 15, y, "start", name);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String content) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(HtmlReport.escape(content)).append("</text>\n");
    }

    private static double xPos(double x, double xMin, double xMax, int width) {
        double span = xMax - xMin == 0 ? 1 : xMax - xMin;
        return LEFT + (x - xMin) / span * (width - LEFT - RIGHT);
    }

    private static double yPos(double y) {
        double clamped = Math.max(0, Math.min(1, y));
        return HEIGHT - BOTTOM - clamped * (HEIGHT - TOP - BOTTOM);
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String shorten(String label) {
        return label.length() <= 22 ? label : label.substring(0, 21) + "…";
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
