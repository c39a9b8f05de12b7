package io.switchboard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart written as PNG with Java2D: no plotting tool needed to reproduce a report.
 */
final class Chart {

  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b)
  };
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;
  private static final int LEFT = 90;
  private static final int BOTTOM = 70;
  private static final int TOP = 50;

  private Chart() {}

  /**
   * @param values {@code values[group][series]}; a negative value is drawn as missing
   */
  static void bars(
      String title,
      String unit,
      List<String> groups,
      List<String> series,
      double[][] values,
      Path file)
      throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 28);

    double max = 0;
    for (double[] group : values) {
      for (double v : group) {
        max = Math.max(max, v);
      }
    }
    max = niceCeiling(max);
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - 20;
    int baseline = HEIGHT - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setStroke(new BasicStroke(1));
    for (int tick = 0; tick <= 5; tick++) {
      double value = max * tick / 5;
      int y = baseline - (int) (plotHeight * tick / 5.0);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.DARK_GRAY);
      String label = format(value);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.drawString(unit, 8, TOP - 8);

    int groupWidth = plotWidth / Math.max(1, groups.size());
    int barWidth = Math.min(110, Math.max(4, (groupWidth - 30) / Math.max(1, series.size())));
    for (int gi = 0; gi < groups.size(); gi++) {
      int x0 = LEFT + gi * groupWidth + 15;
      for (int si = 0; si < series.size(); si++) {
        double v = values[gi][si];
        int x = x0 + si * barWidth;
        g.setColor(COLORS[si % COLORS.length]);
        if (v >= 0 && max > 0) {
          int h = (int) Math.round(plotHeight * v / max);
          g.fillRect(x, baseline - h, barWidth - 4, h);
          g.setColor(Color.BLACK);
          String label = format(v);
          g.drawString(label, x, baseline - h - 4);
        } else {
          g.drawString("n/a", x, baseline - 4);
        }
      }
      g.setColor(Color.BLACK);
      g.drawString(groups.get(gi), x0, baseline + 18);
    }
    g.drawLine(LEFT, baseline, LEFT + plotWidth, baseline);
    int lx = LEFT;
    for (int si = 0; si < series.size(); si++) {
      g.setColor(COLORS[si % COLORS.length]);
      g.fillRect(lx, HEIGHT - 30, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(series.get(si), lx + 20, HEIGHT - 18);
      lx += 40 + g.getFontMetrics().stringWidth(series.get(si));
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  static String format(double value) {
    if (value >= 10_000) {
      return String.format(Locale.ROOT, "%.0fk", value / 1000);
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
