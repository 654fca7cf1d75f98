package dev.vigil.simulator;

import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.Geo;
import java.util.SplittableRandom;

/**
 * Replays a victim's fresh session from the other side of the world minutes after the victim logged in: the
 * stolen cookie carries the victim's session, device id and user agent, so only the place gives it away
 * (impossible travel). Runs inside the victim's legitimate timeline because it needs a real success to follow.
 */
final class SessionHijacker {
  /** Far enough that no flight explains it within the hour. */
  static final double MIN_DISTANCE_KM = 3000;

  private final World world;
  private final Timeline timeline;

  SessionHijacker(World world, Timeline timeline) {
    this.world = world;
    this.timeline = timeline;
  }

  /** Called after every legitimate success; acts once, on the planned victim's first success on or after the day. */
  void afterSuccess(SimUser user, int day, Draft success, SplittableRandom random) {
    Campaign campaign = user.hijack;
    if (campaign == null || day < user.hijackDay) {
      return;
    }
    user.hijack = null;
    Geo victim = success.geo();
    Prefix far = farAway(victim, random);
    IpAddress ip = IpAddress.ofV4(far.randomV4(random));
    long at = success.atSecond() + 180 + random.nextInt(2220);
    int replays = 1 + random.nextInt(2);
    for (int i = 0; i < replays; i++) {
      timeline.add(new Draft(at, success.account(), ip, far.geo(), success.client(), null, "session",
          success.sessionKey(), campaign));
      at += 300 + random.nextInt(1500);
    }
  }

  private Prefix farAway(Geo victim, SplittableRandom random) {
    double lat = victim.lat() == null ? 0 : victim.lat();
    double lon = victim.lon() == null ? 0 : victim.lon();
    Prefix candidate;
    do {
      candidate = random.nextDouble() < 0.5
          ? world.anyHosting(random).anyPrefix(random)
          : world.anyPopulatedCountry(random).anyResidential(random).anyPrefix(random);
    } while (City.distanceKm(lat, lon, candidate.city().lat(), candidate.city().lon()) < MIN_DISTANCE_KM);
    return candidate;
  }
}
