package dev.vigil.cli;

import dev.vigil.core.policy.Decision;
import dev.vigil.core.replay.ReplayProblem;
import dev.vigil.core.replay.ReplaySummary;
import dev.vigil.core.replay.RiskyNetwork;
import dev.vigil.core.replay.RiskyUser;
import dev.vigil.core.signal.SignalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ReplaySummary} as plain aligned text for a person at a terminal. It names users: this is the
 * operator's own report on their own data, printed to their terminal, not a log line.
 */
final class SummaryTable {
  static final int PROBLEMS_SHOWN = 5;

  private SummaryTable() {}

  static String render(ReplaySummary summary) {
    StringBuilder text = new StringBuilder(1024);
    text.append("Replay summary\n");
    table(text, List.of(
        row("events read", count(summary.eventsRead())),
        row("assessed", count(summary.assessed())),
        row("malformed lines", count(summary.malformed())),
        row("elapsed", String.format(Locale.ROOT, "%.2f s", summary.elapsed().toNanos() / 1e9)),
        row("throughput", String.format(Locale.ROOT, "%,.0f events/s", summary.eventsPerSecond()))));

    List<String[]> decisions = new ArrayList<>();
    decisions.add(row("decision", "count", "share"));
    for (Map.Entry<Decision, Long> entry : summary.decisions().entrySet()) {
      double share = summary.assessed() == 0 ? 0 : entry.getValue() * 100.0 / summary.assessed();
      decisions.add(row(entry.getKey().name(), count(entry.getValue()),
          String.format(Locale.ROOT, "%.1f%%", share)));
    }
    section(text, decisions);

    List<String[]> signals = new ArrayList<>();
    signals.add(row("signal", "count"));
    for (Map.Entry<SignalType, Long> entry : summary.signals().entrySet()) {
      signals.add(row(entry.getKey().name(), count(entry.getValue())));
    }
    section(text, signals, "no signals raised");

    List<String[]> users = new ArrayList<>();
    users.add(row("riskiest users", "max score", "flagged logins"));
    for (RiskyUser user : summary.riskyUsers()) {
      users.add(row(user.tenantId() + "/" + user.userId(), Integer.toString(user.maxScore()),
          count(user.flaggedLogins())));
    }
    section(text, users, "no user scored above 0");

    List<String[]> networks = new ArrayList<>();
    networks.add(row("riskiest networks", "flagged logins"));
    for (RiskyNetwork network : summary.riskyNetworks()) {
      networks.add(row(network.network(), count(network.flaggedEvents())));
    }
    section(text, networks, "no network had a flagged login");

    if (summary.malformed() > 0) {
      List<ReplayProblem> shown = summary.problems().subList(0,
          Math.min(PROBLEMS_SHOWN, summary.problems().size()));
      text.append('\n').append(String.format(Locale.ROOT, "malformed lines: %,d (first %d shown)%n",
          summary.malformed(), shown.size()));
      for (ReplayProblem problem : shown) {
        text.append(String.format(Locale.ROOT, "  line %,d: %s%n", problem.lineNumber(), problem.message()));
      }
    }
    return text.toString();
  }

  private static void section(StringBuilder text, List<String[]> rows) {
    text.append('\n');
    table(text, rows);
  }

  private static void section(StringBuilder text, List<String[]> rows, String whenEmpty) {
    if (rows.size() == 1) {
      text.append("\n  ").append(whenEmpty).append('\n');
      return;
    }
    section(text, rows);
  }

  /** Left-aligns the first column, right-aligns the others (numbers), two spaces apart, indented by two. */
  private static void table(StringBuilder text, List<String[]> rows) {
    int columns = rows.getFirst().length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      line.append(row[0]).append(" ".repeat(widths[0] - row[0].length()));
      for (int c = 1; c < columns; c++) {
        line.append("  ").append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
