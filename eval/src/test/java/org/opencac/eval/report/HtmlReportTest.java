package org.opencac.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void escapesTextAndEmbedsChartsWithoutScripts() {
        String svg = SvgChart.lineChart("F1 <by> cut-off", "cut-off", 0, 1, List.of(new SvgChart.Line("F1",
                List.of(new SvgChart.Point(0, 0), new SvgChart.Point(1, 1)))));
        String html = new HtmlReport("Report").section("A & B").table(List.of("code"), List.of(List.of("<x>")))
                .chart(svg).render();
        assertTrue(html.contains("<h2>A &amp; B</h2>"));
        assertTrue(html.contains("<td>&lt;x&gt;</td>"));
        assertTrue(html.contains("F1 &lt;by&gt; cut-off"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link") || html.contains("src="));
    }

    @Test
    void lineChartMapsPointsIntoThePlotArea() {
        String svg = SvgChart.lineChart("t", "x", 0, 1, List.of(new SvgChart.Line("F1",
                List.of(new SvgChart.Point(0, 0), new SvgChart.Point(1, 1)))));
        // x 0 -> left edge 90, y 0 -> bottom 280; x 1 -> right edge 640 - 130 = 510, y 1 -> top 30
        assertTrue(svg.contains("points=\"90.00,280.00 510.00,30.00\""), svg);
    }

    @Test
    void barChartDrawsOneBarPerValue() {
        String svg = SvgChart.barChart("t", List.of("A", "B", "C"), List.of(
                new SvgChart.Bars("P", List.of(0.1, 0.2, 0.3)), new SvgChart.Bars("R", List.of(0.4, 0.5, 0.6))));
        assertEquals(6, svg.split("<rect x=").length - 1 - 2); // 6 bars plus 2 legend squares
    }

    @Test
    void textTablePadsColumns() {
        String table = TextTable.format(List.of("track", "F1"), List.of(List.of("D", "0.5"), List.of("P", "0.25")));
        assertEquals("track    F1\n-----------\nD       0.5\nP      0.25\n", table);
    }
}
