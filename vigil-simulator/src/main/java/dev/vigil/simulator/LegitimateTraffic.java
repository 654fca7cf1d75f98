package dev.vigil.simulator;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Writes one user's legitimate logins, day by day, with the habits that fool naive rules: addresses that churn,
 * providers that change, phones on carrier NAT, offices, company and consumer VPNs, trips at airliner speed, new devices and
 * silently updating browsers, night owls, typos, forgotten passwords and failed MFA prompts.
 *
 * <p>A visit is one intent to log in; it yields one to a dozen events (wrong passwords, then usually a success)
 * from one place and one device.
 */
final class LegitimateTraffic {
  private static final double[] DEVICE_SHARE = {0.65, 0.25, 0.10};

  private final World world;
  private final ScenarioKnobs knobs;
  private final Population population;
  private final Timeline timeline;
  private final SessionHijacker hijacker;

  LegitimateTraffic(World world, ScenarioKnobs knobs, Population population, Timeline timeline,
      SessionHijacker hijacker) {
    this.world = world;
    this.knobs = knobs;
    this.population = population;
    this.timeline = timeline;
    this.hijacker = hijacker;
  }

  void generate(SimUser user, int days, SplittableRandom random) {
    @Nullable Trip trip = null;
    for (int day = 0; day < days; day++) {
      long dayStart = timeline.startSecond() + day * 86_400L;
      changeLife(user, random);
      if (user.traveller && (trip == null || trip.over(dayStart)) && random.nextDouble() < knobs.tripsPerDay()) {
        trip = planTrip(user, dayStart, random);
      }
      int visits = Gaussian.poisson(user.visitsPerDay * weekdayFactor(dayStart), random);
      for (int v = 0; v < visits; v++) {
        visit(user, day, dayStart, trip, random);
      }
    }
  }

  /** Slow changes: a new DHCP lease, a new provider, a new device. Browser updates happen by themselves. */
  private void changeLife(SimUser user, SplittableRandom random) {
    if (random.nextDouble() < knobs.dhcpChurnPerDay()) {
      user.homeV4 = user.homePrefix.randomV4(random);
    }
    if (random.nextDouble() < knobs.ispChangesPerDay()) {
      Country country = world.country(user.home);
      Network isp = country.anyResidential(random);
      user.homeIsp = isp;
      user.homePrefix = isp.prefixNear(user.home, random);
      user.homeV4 = user.homePrefix.randomV4(random);
      user.homeV6Network = user.homePrefix.randomV6Network(random);
    }
    if (random.nextDouble() < knobs.devicePurchasesPerDay()) {
      int slot = user.deviceCount < user.devices.length && random.nextBoolean()
          ? user.deviceCount++
          : random.nextInt(user.deviceCount);
      Device old = user.devices[slot];
      user.devices[slot] = old != null && old.platform.phone
          ? Population.newPhone(random)
          : Population.newComputer(random);
    }
  }

  private Trip planTrip(SimUser user, long dayStart, SplittableRandom random) {
    Country country = random.nextDouble() < 0.5 ? world.country(user.home) : world.anyPopulatedCountry(random);
    City destination = country.residentCity(random);
    if (destination.equals(user.home)) {
      destination = world.anyOtherCountry(country.code(), random).residentCity(random);
    }
    // Leave in the local morning, stay one to seven nights.
    long departs = dayStart + (6 + random.nextInt(6)) * 3600L - user.home.utcOffsetMinutes() * 60L;
    return Trip.plan(user.home, destination, departs, 1 + random.nextInt(7));
  }

  private static double weekdayFactor(long dayStart) {
    long dayOfWeek = Math.floorMod(Math.floorDiv(dayStart, 86_400L) + 3, 7); // 0 = Monday
    return dayOfWeek >= 5 ? 0.7 : 1.08;
  }

  private void visit(SimUser user, int day, long dayStart, @Nullable Trip trip, SplittableRandom random) {
    double localHour = user.habit.sampleLocalHour(random);
    long at = dayStart + (long) (localHour * 3600) - user.home.utcOffsetMinutes() * 60L;
    City where = trip == null ? user.home : trip.where(at, user.home);
    if (where != null && where.utcOffsetMinutes() != user.home.utcOffsetMinutes()) {
      // Away, people keep local hours: shift the visit to the same local hour there.
      at = dayStart + (long) (localHour * 3600) - where.utcOffsetMinutes() * 60L;
      where = trip.where(at, user.home);
    }
    if (where == null) {
      return; // in the air
    }
    Device device = pickDevice(user, random);
    Client client = random.nextDouble() < 0.02 ? new Client(device.userAgentAt(at), null) : device.client(at);
    boolean workHours = localHour >= 8.5 && localHour < 17.5 && weekdayFactor(dayStart) > 1;
    Origin origin = origin(user, device, where, workHours, random);
    attempts(user, day, at, origin.ip(), origin.geo(), client, random);
  }

  /** The network a visit comes through: the heart of what makes legitimate traffic look suspicious. */
  private Origin origin(SimUser user, Device device, City where, boolean workHours, SplittableRandom random) {
    Network privacyVpn = user.privacyVpn;
    if (privacyVpn != null && random.nextBoolean()) {
      // The VPN picks the exit nearest to wherever the user is: the geo moves, the user did not.
      return Origin.in(privacyVpn.nearestPrefix(where), random);
    }
    double roll = random.nextDouble();
    if (!where.equals(user.home)) {
      return awayOrigin(user, device, where, roll, random);
    }
    if (device.platform.phone) {
      return roll < 0.65
          ? new Origin(carrierAddress(user, random), user.carrierPrefix.geo())
          : new Origin(user.homeAddress(random), user.homePrefix.geo());
    }
    Prefix office = user.office;
    if (workHours && office != null && !(user.vpnUser && roll < 0.3)) {
      // A company NATs everyone behind one address; a cloud proxy node hands out many.
      boolean proxied = office.geo().asn() == world.cloudProxy().asn();
      return new Origin(IpAddress.ofV4(proxied ? office.randomV4(random) : user.officeV4), office.geo());
    }
    Prefix vpn = user.vpnEgress;
    if (vpn != null && (workHours || (user.vpnUser && roll < knobs.vpnEveningShare()))) {
      return Origin.in(vpn, random);
    }
    if (roll < knobs.cafeShare()) {
      return Origin.in(world.country(user.home).anyResidential(random).prefixNear(user.home, random), random);
    }
    return new Origin(user.homeAddress(random), user.homePrefix.geo());
  }

  private Origin awayOrigin(SimUser user, Device device, City where, double roll, SplittableRandom random) {
    if (device.platform.phone && roll < knobs.roamingShare()) {
      // Roaming data is tunnelled home: the address (and its geo) says the user never left.
      return new Origin(carrierAddress(user, random), user.carrierPrefix.geo());
    }
    Prefix vpn = user.vpnEgress;
    if (user.vpnUser && vpn != null && roll < 0.4) {
      return Origin.in(vpn, random);
    }
    Country country = world.country(where);
    Network network = roll < 0.55 ? country.anyMobile(random) : country.anyResidential(random);
    return Origin.in(network.prefixNear(where, random), random);
  }

  private static IpAddress carrierAddress(SimUser user, SplittableRandom random) {
    // Carrier-grade NAT: a different public address nearly every session.
    return user.ipv6
        ? Prefix.v6(user.carrierPrefix.randomV6Network(random), random)
        : IpAddress.ofV4(user.carrierPrefix.randomV4(random));
  }

  private static Device pickDevice(SimUser user, SplittableRandom random) {
    double total = 0;
    for (int i = 0; i < user.deviceCount; i++) {
      total += DEVICE_SHARE[i];
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < user.deviceCount; i++) {
      pick -= DEVICE_SHARE[i];
      if (pick < 0) {
        return user.devices[i];
      }
    }
    return user.devices[0];
  }

  /** The events of one visit: usually one success, sometimes failures first. */
  private void attempts(SimUser user, int day, long at, IpAddress ip, Geo geo, Client client,
      SplittableRandom random) {
    double roll = random.nextDouble();
    long t = at;
    if (user.passkeyUser()) {
      // Passkeys cannot be mistyped; the rare failure is a cancelled prompt.
      if (roll < 0.01) {
        fail(user.account, t, ip, geo, client, FailureReason.OTHER, user);
        t += 10 + random.nextInt(50);
      }
      succeed(user, day, t, ip, geo, client, random);
      return;
    }
    double forgotten = knobs.forgottenPerVisit();
    double typos = forgotten + knobs.typosPerVisit();
    double wrongName = typos + 0.004;
    if (roll < forgotten) {
      // Every old password in turn, then (often) a reset and a success a while later.
      int failures = 3 + random.nextInt(6);
      for (int i = 0; i < failures; i++) {
        FailureReason reason = user.tenant.locksAccounts() && i >= 5 ? FailureReason.LOCKED : FailureReason.BAD_PASSWORD;
        fail(user.account, t, ip, geo, client, reason, user);
        t += 15 + random.nextInt(90);
      }
      if (random.nextDouble() < 0.6) {
        succeed(user, day, t + 300 + random.nextInt(3300), ip, geo, client, random);
      }
      return;
    }
    if (roll < typos) {
      int failures = random.nextDouble() < 0.75 ? 1 : 2;
      for (int i = 0; i < failures; i++) {
        fail(user.account, t, ip, geo, client, FailureReason.BAD_PASSWORD, user);
        t += 4 + random.nextInt(27);
      }
    } else if (roll < wrongName) {
      String mistyped = mistype(user.account.userId(), random);
      if (!population.exists(user.tenant.id(), mistyped)) {
        fail(new Account(user.tenant.id(), mistyped), t, ip, geo, client, FailureReason.UNKNOWN_USER, user);
        t += 5 + random.nextInt(30);
      }
    } else if (user.hasMfa && roll < wrongName + 0.03) {
      fail(user.account, t, ip, geo, client, FailureReason.MFA_FAILED, user);
      if (random.nextDouble() < 0.2) {
        return; // gave up for now
      }
      t += 30 + random.nextInt(150);
    }
    succeed(user, day, t, ip, geo, client, random);
  }

  private void fail(Account account, long at, IpAddress ip, Geo geo, Client client, FailureReason reason,
      SimUser user) {
    timeline.add(new Draft(at, account, ip, geo, client, reason, user.authMethod, 0, null));
  }

  private void succeed(SimUser user, int day, long at, IpAddress ip, Geo geo, Client client,
      SplittableRandom random) {
    Draft success = new Draft(at, user.account, ip, geo, client, null, user.authMethod, random.nextLong() | 1, null);
    if (timeline.add(success)) {
      hijacker.afterSuccess(user, day, success, random);
    }
  }

  /** A login name with one slip: a dropped or doubled letter in the local part. */
  private static String mistype(String userId, SplittableRandom random) {
    int at = userId.indexOf('@');
    int i = random.nextInt(Math.max(1, at));
    return random.nextBoolean()
        ? userId.substring(0, i) + userId.substring(i + 1)
        : userId.substring(0, i) + userId.charAt(i) + userId.substring(i);
  }
}
