package dev.vigil.simulator.evaluation;

import dev.vigil.core.event.LoginEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules every report shows Vigil beside, computed on the same events in the same run.
 *
 * <p>{@code newIp}: seed 000's rule alone — a success from an address not among the user's last 20 successful
 * ones is challenged (a user's first success is not). {@code fixedBruteForce}: Keycloak's and fail2ban's rule —
 * once an account has 5 failures within 15 minutes, every further attempt on it is refused until the window
 * clears, from wherever it comes.
 */
final class Baselines {
  private static final int RECENT_IPS = 20;
  private static final int FAILURES = 5;
  private static final long WINDOW_SECONDS = 15 * 60;

  private final Map<String, ArrayDeque<String>> recentIps = new HashMap<>();
  private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();

  /** Flags of both baselines for one event, in time order. */
  Flags observe(LoginEvent event) {
    String user = event.tenantId() + '\u0000' + event.userId();
    long now = event.timestamp().getEpochSecond();
    ArrayDeque<Long> recentFailures = failures.computeIfAbsent(user, u -> new ArrayDeque<>());
    while (!recentFailures.isEmpty() && now - recentFailures.peekFirst() > WINDOW_SECONDS) {
      recentFailures.pollFirst();
    }
    if (!event.isSuccess()) {
      recentFailures.addLast(now);
    }
    boolean locked = recentFailures.size() >= FAILURES;
    boolean newIp = false;
    if (event.isSuccess()) {
      ArrayDeque<String> ips = recentIps.computeIfAbsent(user, u -> new ArrayDeque<>());
      String ip = event.ip().canonical();
      newIp = !ips.isEmpty() && !ips.contains(ip);
      if (!ips.contains(ip)) {
        ips.addLast(ip);
        if (ips.size() > RECENT_IPS) {
          ips.pollFirst();
        }
      }
    }
    return new Flags(newIp, locked);
  }

  /** What each baseline did with one event. */
  record Flags(boolean newIp, boolean fixedBruteForce) {}
}
