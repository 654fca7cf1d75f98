package dev.vigil.simulator;

import dev.vigil.core.event.FailureReason;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Attackers who already hold one victim's password (phished, bought, reused) and log in as them: the three
 * attacker models of Wiefling et al. (naive, VIP, targeted), logins through anonymizers, and the planning of
 * session hijacks that {@link SessionHijacker} carries out. Each victim is attacked once, by one campaign.
 *
 * <p>Runs before the legitimate traffic so that what the attacker copies (the victim's user agent, provider,
 * city) is the victim's state at the start: a targeted attacker's stolen data is never newer than the victim.
 */
final class Takeovers {
  private final World world;
  private final ScenarioKnobs knobs;
  private final Population population;
  private final Timeline timeline;
  private final CampaignLedger ledger;
  private final Set<SimUser> victims = new HashSet<>();

  Takeovers(World world, ScenarioKnobs knobs, Population population, Timeline timeline, CampaignLedger ledger) {
    this.world = world;
    this.knobs = knobs;
    this.population = population;
    this.timeline = timeline;
    this.ledger = ledger;
  }

  void accountTakeover(AttackerModel model, SplittableRandom random) {
    Campaign campaign = ledger.open(AttackType.ACCOUNT_TAKEOVER, model);
    SimUser victim = newVictim(random);
    long day = timeline.startSecond() + random.nextInt(days()) * 86_400L;
    int offset = victim.home.utcOffsetMinutes() * 60;
    switch (model) {
      case NAIVE -> {
        // Knows the password only: anywhere else, any network, any browser, any hour.
        Country elsewhere = world.anyOtherCountry(victim.home.countryCode(), random);
        Prefix prefix = random.nextBoolean()
            ? world.anyHosting(random).anyPrefix(random)
            : elsewhere.anyResidential(random).prefixNear(elsewhere.residentCity(random), random);
        long at = day + random.nextInt(86_400);
        String agent = ScriptedAgents.anyBrowser(at, 10, random);
        login(victim, at, Origin.in(prefix, random), new Client(agent, maybeNewDevice(random)), campaign, random);
      }
      case VIP -> {
        // Knows the country: a different provider there, the most common browser, daytime there.
        Country country = world.country(victim.home);
        Network isp = otherThan(victim.homeIsp, country.residential(), random);
        City city = random.nextDouble() < 0.4 ? victim.home : country.residentCity(random);
        long at = day + (9 * 3600 + random.nextInt(12 * 3600)) - offset;
        Client client = new Client(ScriptedAgents.mostCommon(at), Population.deviceId(random));
        login(victim, at, Origin.in(isp.prefixNear(city, random), random), client, campaign, random);
      }
      case TARGETED -> {
        // Knows the provider, the city and the exact user agent; only the block and the device cookie differ.
        long at = day + (long) (victim.habit.sampleLocalHour(random) * 3600) - offset;
        Prefix prefix = neighbourBlock(victim, random);
        String agent = victim.primaryDevice().userAgentAt(at);
        login(victim, at, Origin.in(prefix, random), new Client(agent, maybeNewDevice(random)), campaign, random);
      }
    }
  }

  /** A takeover through a VPN, proxy or Tor exit: the place is hidden, the network category is not. */
  void anonymizerLogin(SplittableRandom random) {
    Campaign campaign = ledger.open(AttackType.ANONYMIZER_LOGIN, null);
    SimUser victim = newVictim(random);
    long at = timeline.startSecond() + (long) (random.nextDouble() * (timeline.endSecond() - timeline.startSecond()));
    Network network = world.anyAnonymizer(random);
    boolean tor = world.torExits().contains(network) || random.nextDouble() < 0.2;
    String agent = tor ? ScriptedAgents.TOR_BROWSER : ScriptedAgents.anyBrowser(at, 2, random);
    login(victim, at, Origin.in(network.anyPrefix(random), random), new Client(agent, null), campaign, random);
  }

  /** Marks a victim whose first success on or after a random day will be replayed from far away. */
  void planHijack(SplittableRandom random) {
    // Someone who logs in at least daily, early enough in the window that a success is bound to follow.
    SimUser victim = newVictim(random);
    for (int tries = 0; tries < 50 && (victim.visitsPerDay < 1 || victim.hijack != null); tries++) {
      victims.remove(victim);
      victim = newVictim(random);
    }
    victim.hijack = ledger.open(AttackType.SESSION_HIJACK, null);
    victim.hijackDay = random.nextInt(Math.max(1, days() * 2 / 3));
  }

  /**
   * A few wrong guesses (stale or reused passwords), then the right one; MFA stops some attackers, and one who
   * gets in often comes back from the same place over the next days.
   */
  private void login(SimUser victim, long at, Origin from, Client client, Campaign campaign,
      SplittableRandom random) {
    int failures = random.nextInt(knobs.maxFailuresBeforeTakeover() + 1);
    long t = at - failures * (20L + random.nextInt(120));
    for (int i = 0; i < failures; i++) {
      add(t, victim, from, client, FailureReason.BAD_PASSWORD, campaign, random);
      t += 20 + random.nextInt(120);
    }
    // An adversary-in-the-middle kit relays the second factor about half the time.
    if (victim.hasMfa && random.nextBoolean()) {
      add(t, victim, from, client, FailureReason.MFA_FAILED, campaign, random);
      return;
    }
    add(t, victim, from, client, null, campaign, random);
    int returns = random.nextInt(3);
    for (int i = 0; i < returns; i++) {
      t += 3600 + random.nextInt(3 * 86_400);
      add(t, victim, from, client, null, campaign, random);
    }
  }

  private void add(long at, SimUser victim, Origin from, Client client, @Nullable FailureReason failure,
      Campaign campaign, SplittableRandom random) {
    long session = failure == null ? random.nextLong() | 1 : 0;
    timeline.add(new Draft(at, victim.account, from.ip(), from.geo(), client, failure, "password", session, campaign));
  }

  /** The victim's provider and city, but the other of the two blocks it has there. */
  private static Prefix neighbourBlock(SimUser victim, SplittableRandom random) {
    List<Prefix> local = victim.homeIsp.prefixesIn(victim.home);
    for (Prefix prefix : local) {
      if (!prefix.equals(victim.homePrefix)) {
        return prefix;
      }
    }
    return victim.homeIsp.anyPrefix(random);
  }

  private static Network otherThan(Network not, List<Network> networks, SplittableRandom random) {
    Network pick;
    do {
      pick = networks.get(random.nextInt(networks.size()));
    } while (pick.equals(not) && networks.size() > 1);
    return pick;
  }

  private static @Nullable String maybeNewDevice(SplittableRandom random) {
    return random.nextBoolean() ? null : Population.deviceId(random);
  }

  private SimUser newVictim(SplittableRandom random) {
    List<SimUser> users = population.users();
    SimUser victim;
    int tries = 0;
    do {
      victim = users.get(random.nextInt(users.size()));
    } while (!victims.add(victim) && ++tries < 100);
    return victim;
  }

  private int days() {
    return (int) ((timeline.endSecond() - timeline.startSecond()) / 86_400L);
  }
}
