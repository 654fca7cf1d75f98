package dev.vigil.simulator.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes reports as text tables, JSON, and ROC plots (PNG, drawn with Java2D; no Python, no network). */
public final class ReportFormat {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFormat() {}

  /** The report as JSON. */
  public static String json(Object report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The main figures of a report as a text table. */
  public static String text(EvaluationReport r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s — %,d events, %,d attack successes, %,d legitimate successes%n",
        r.name(), r.events(), r.attackSuccesses(), r.legitSuccesses()));
    out.append(String.format(Locale.ROOT, "  AUC (successful logins)         %.4f%n", r.auc()));
    out.append(String.format(Locale.ROOT, "  at the engine's decisions       TPR %6.2f%%  FPR %5.2f%%%n",
        100 * r.atDecision().tpr(), 100 * r.atDecision().fpr()));
    out.append(String.format(Locale.ROOT, "  TPR at FPR ≤ 1%%                 %6.2f%%  (score ≥ %d, FPR %.2f%%)%n",
        100 * r.atOnePercentFpr().tpr(), r.atOnePercentFpr().threshold(), 100 * r.atOnePercentFpr().fpr()));
    out.append(String.format(Locale.ROOT, "  TPR at FPR ≤ 2%%                 %6.2f%%  (score ≥ %d, FPR %.2f%%)%n",
        100 * r.atTwoPercentFpr().tpr(), r.atTwoPercentFpr().threshold(), 100 * r.atTwoPercentFpr().fpr()));
    for (Map.Entry<String, EvaluationReport.Rate> e : r.byAttackerModel().entrySet()) {
      out.append(String.format(Locale.ROOT, "  takeovers, %-20s %6.2f%%  (%d of %d)%n", e.getKey() + " attacker",
          100 * e.getValue().rate(), e.getValue().flagged(), e.getValue().total()));
    }
    for (Map.Entry<String, EvaluationReport.Rate> e : r.byAttackType().entrySet()) {
      out.append(String.format(Locale.ROOT, "  successes, %-20s %6.2f%%  (%d of %d)%n", e.getKey(),
          100 * e.getValue().rate(), e.getValue().flagged(), e.getValue().total()));
    }
    long campaigns = r.campaigns().size();
    long within20 = r.campaigns().stream()
        .filter(c -> c.firstFlaggedAttempt() != null && c.firstFlaggedAttempt() <= 20).count();
    out.append(String.format(Locale.ROOT, "  campaigns flagged within 20     %d of %d%n", within20, campaigns));
    for (EvaluationReport.Campaign c : r.campaigns()) {
      if (c.firstFlaggedAttempt() == null || c.firstFlaggedAttempt() > 20) {
        out.append(String.format(Locale.ROOT, "    missed: %s %s (%d attempts, first flagged %s)%n", c.id(), c.type(),
            c.attempts(), c.firstFlaggedAttempt() == null ? "never" : "at " + c.firstFlaggedAttempt()));
      }
    }
    var b = r.burden();
    out.append(String.format(Locale.ROOT,
        "  legitimate burden               %.2f%% of successes challenged, %.2f%% denied; %.1f%% of users challenged at least once (%.2f challenges per user)%n",
        100 * b.challengedShare(), 100 * b.deniedShare(), 100 * b.usersChallengedShare(), b.challengesPerUser()));
    for (Map.Entry<String, EvaluationReport.Rates> e : r.baselines().entrySet()) {
      out.append(String.format(Locale.ROOT, "  baseline: %-45s TPR %6.2f%%  FPR %5.2f%%%n", e.getKey(),
          100 * e.getValue().tpr(), 100 * e.getValue().fpr()));
    }
    return out.toString();
  }

  /** One line per ablation run: what the engine loses without each part. */
  public static String ablationTable(EvaluationReport full, List<EvaluationReport> ablations) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-42s %8s %8s %8s %10s%n", "run", "AUC", "TPR", "FPR", "TPR@1%FPR"));
    for (EvaluationReport r : prepend(full, ablations)) {
      out.append(String.format(Locale.ROOT, "%-42s %8.4f %7.2f%% %7.2f%% %9.2f%%%n", r.name(), r.auc(),
          100 * r.atDecision().tpr(), 100 * r.atDecision().fpr(), 100 * r.atOnePercentFpr().tpr()));
    }
    return out.toString();
  }

  /** Draws the ROC curve with the baselines as points. */
  public static void rocPlot(EvaluationReport r, Path png) throws IOException {
    int size = 640;
    int margin = 60;
    int plot = size - 2 * margin;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      g.setColor(new Color(230, 230, 230));
      for (int i = 0; i <= 10; i++) {
        int p = margin + i * plot / 10;
        g.drawLine(p, margin, p, margin + plot);
        g.drawLine(margin, p, margin + plot, p);
      }
      g.setColor(Color.GRAY);
      g.drawLine(margin, margin + plot, margin + plot, margin);
      g.setColor(Color.BLACK);
      g.drawRect(margin, margin, plot, plot);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i <= 5; i++) {
        String tick = String.format(Locale.ROOT, "%.1f", i / 5.0);
        int p = i * plot / 5;
        g.drawString(tick, margin + p - 8, margin + plot + 15);
        g.drawString(tick, margin - 28, margin + plot - p + 4);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.drawString("false positive rate (legitimate successes flagged)", margin + 80, size - 20);
      g.drawString(String.format(Locale.ROOT, "%s — AUC %.4f", r.name(), r.auc()), margin, 35);
      Graphics2D vertical = (Graphics2D) g.create();
      vertical.rotate(-Math.PI / 2);
      vertical.drawString("true positive rate (attack successes flagged)", -margin - plot + 40, 25);
      vertical.dispose();
      g.setColor(new Color(20, 90, 200));
      g.setStroke(new BasicStroke(2.5f));
      int[] previous = null;
      for (double[] point : r.roc()) {
        int x = margin + (int) Math.round(point[0] * plot);
        int y = margin + plot - (int) Math.round(point[1] * plot);
        if (previous != null) {
          g.drawLine(previous[0], previous[1], x, y);
        }
        previous = new int[] {x, y};
      }
      Color[] colors = {new Color(200, 60, 40), new Color(40, 150, 60)};
      int k = 0;
      for (Map.Entry<String, EvaluationReport.Rates> e : r.baselines().entrySet()) {
        g.setColor(colors[k % colors.length]);
        int x = margin + (int) Math.round(e.getValue().fpr() * plot);
        int y = margin + plot - (int) Math.round(e.getValue().tpr() * plot);
        g.fillOval(x - 5, y - 5, 10, 10);
        g.fillOval(margin + plot / 4 - 14, margin + plot - 60 + 18 * k - 9, 8, 8);
        g.drawString(e.getKey(), margin + plot / 4, margin + plot - 60 + 18 * k);
        k++;
      }
      g.setColor(new Color(20, 90, 200));
      int x = margin + (int) Math.round(r.atDecision().fpr() * plot);
      int y = margin + plot - (int) Math.round(r.atDecision().tpr() * plot);
      g.drawRect(x - 5, y - 5, 10, 10);
      g.drawString("Vigil (curve; square = its decisions)", margin + plot / 4, margin + plot - 60 + 18 * k);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", png.toFile());
  }

  private static List<EvaluationReport> prepend(EvaluationReport first, List<EvaluationReport> rest) {
    List<EvaluationReport> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
