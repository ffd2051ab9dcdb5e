package io.kefu.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** A line chart as PNG with Java2D: no plotting library, nothing to install. */
final class Plot {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> xs = new ArrayList<>();
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, Boolean> dashed = new LinkedHashMap<>();

    Plot(String title, String xLabel, String yLabel, List<String> xs) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xs.addAll(xs);
    }

    Plot series(String name, double[] values, boolean isBaseline) {
        series.put(name, values);
        dashed.put(name, isBaseline);
        return this;
    }

    void write(Path file) throws IOException {
        int h = 520, left = 90, top = 50, bottom = 70;
        // The legend sits right of the plot: the image grows to fit its longest entry.
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        scratch.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int longest = series.keySet().stream().mapToInt(scratch.getFontMetrics()::stringWidth).max().orElse(0);
        scratch.dispose();
        int right = Math.max(240, 48 + longest + 16);
        int w = left + 570 + right;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double max = 0;
        for (double[] v : series.values()) {
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    max = Math.max(max, d);
                }
            }
        }
        max = niceCeiling(max <= 0 ? 1 : max);
        int pw = w - left - right, ph = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - i * ph / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, left + pw, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(max * i / 5);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (int i = 0; i < xs.size(); i++) {
            int x = xAt(i, left, pw);
            g.drawString(xs.get(i), x - g.getFontMetrics().stringWidth(xs.get(i)) / 2, top + ph + 20);
        }
        g.drawString(xLabel, left + pw / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, h - 20);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(top + ph / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 20);
        rotated.dispose();
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            Color c = COLOURS[k % COLOURS.length];
            g.setColor(c);
            g.setStroke(dashed.get(e.getKey())
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.5f));
            double[] v = e.getValue();
            int px = -1, py = -1;
            for (int i = 0; i < v.length && i < xs.size(); i++) {
                if (Double.isNaN(v[i])) {
                    px = -1;
                    continue;
                }
                int x = xAt(i, left, pw);
                int y = top + ph - (int) Math.round(v[i] / max * ph);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            int ly = top + 10 + k * 20;
            g.drawLine(left + pw + 15, ly, left + pw + 40, ly);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), left + pw + 48, ly + 4);
            k++;
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private int xAt(int i, int left, int pw) {
        return xs.size() == 1 ? left + pw / 2 : left + 30 + i * (pw - 60) / (xs.size() - 1);
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String format(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
