package dev.vigil.core;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random login traffic over the fixture places, for property tests. */
final class RandomTraffic {
  private static final Logins.Place[] PLACES = {Logins.BERLIN, Logins.MUNICH, Logins.HAMBURG, Logins.SAO_PAULO,
      Logins.CHICAGO, Logins.FRANKFURT_CLOUD, Logins.SAO_PAULO_VPN};
  private static final String[] AGENTS = {Logins.CHROME_WIN_141, Logins.CHROME_WIN_142, Logins.FIREFOX_LINUX,
      Logins.SAFARI_IPHONE, Logins.PYTHON_REQUESTS, null};
  private static final FailureReason[] REASONS = FailureReason.values();

  private RandomTraffic() {}

  static List<LoginEvent> of(long seed, int count, int users) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LoginEvent> events = new ArrayList<>(count);
    Instant at = Instant.parse("2026-10-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      // Mostly forward in time, sometimes a little late, as real delivery is.
      at = at.plus(Duration.ofSeconds(random.nextInt(-120, 3600)));
      Logins.Builder login = Logins.login("u" + random.nextInt(users))
          .tenant(random.nextInt(4) == 0 ? "globex" : "acme")
          .eventId("r-" + seed + "-" + i)
          .at(at)
          .from(PLACES[random.nextInt(PLACES.length)])
          .host(random.nextInt(1, 255))
          .userAgent(AGENTS[random.nextInt(AGENTS.length)])
          .device(random.nextBoolean() ? "d-" + random.nextInt(5) : null);
      if (random.nextInt(4) == 0) {
        login.failed(REASONS[random.nextInt(REASONS.length)]);
      }
      events.add(login.event());
    }
    return events;
  }
}
