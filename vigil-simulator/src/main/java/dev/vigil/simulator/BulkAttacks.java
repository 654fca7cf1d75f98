package dev.vigil.simulator;

import dev.vigil.core.event.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Campaigns against many passwords or many accounts: credential stuffing, password spraying and brute force.
 * Each is one {@link Campaign}; every attempt it makes is labelled, successes included.
 */
final class BulkAttacks {
  private final ScenarioKnobs knobs;
  private final Population population;
  private final Timeline timeline;
  private final CampaignLedger ledger;
  private final SourcePicker sources;

  BulkAttacks(ScenarioKnobs knobs, Population population, Timeline timeline, CampaignLedger ledger,
      SourcePicker sources) {
    this.knobs = knobs;
    this.population = population;
    this.timeline = timeline;
    this.ledger = ledger;
    this.sources = sources;
  }

  /**
   * Hundreds of leaked pairs replayed from a pool of rotating addresses: most names unknown to the tenant, most
   * known ones with a stale password, a rare hit.
   */
  void credentialStuffing(SplittableRandom random) {
    Campaign campaign = ledger.open(AttackType.CREDENTIAL_STUFFING, null);
    Tenant tenant = Population.anyTenant(random);
    List<SimUser> users = population.usersOf(tenant);
    int attempts = 300 + random.nextInt(600);
    long duration = (long) ((3600 + random.nextInt(5 * 3600)) * knobs.slowdown());
    long t = randomStart(duration, random);
    Origin[] pool = new Origin[knobs.slowdown() > 1 ? 100 + random.nextInt(300) : 20 + random.nextInt(60)];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = sources.any(random);
    }
    Client[] agents = agents(t, 6, random);
    double meanGap = (double) duration / attempts;
    for (int i = 0; i < attempts; i++) {
      t += 1 + (long) Gaussian.exponential(meanGap, random);
      Origin from = pool[random.nextInt(pool.length)];
      Client client = agents[random.nextInt(agents.length)];
      if (random.nextDouble() < 0.55 || users.isEmpty()) {
        Account unknown = new Account(tenant.id(), population.unknownUserId(tenant, random));
        add(t, unknown, from, client, FailureReason.UNKNOWN_USER, campaign, random);
      } else {
        SimUser victim = users.get(random.nextInt(users.size()));
        add(t, victim.account, from, client, guess(victim, 0.015, random), campaign, random);
      }
    }
  }

  /**
   * A few common passwords against many users from one to three sources, each user tried once or twice, spread
   * over hours so that no per-user counter ever trips.
   */
  void passwordSpray(SplittableRandom random) {
    Campaign campaign = ledger.open(AttackType.PASSWORD_SPRAY, null);
    Tenant tenant = Population.anyTenant(random);
    List<SimUser> targets = new ArrayList<>(population.usersOf(tenant));
    shuffle(targets, random);
    int size = Math.min(targets.size(), 20 + random.nextInt(280));
    targets = targets.subList(0, size);
    int rounds = random.nextDouble() < 0.6 ? 1 : 2;
    long duration = (long) ((2 * 3600 + random.nextInt(10 * 3600)) * knobs.slowdown());
    long t = randomStart(duration, random);
    int sourceCount = 1 + random.nextInt(3);
    Origin[] from = new Origin[sourceCount];
    Client[] agents = agents(t, sourceCount, random);
    for (int i = 0; i < sourceCount; i++) {
      from[i] = sources.any(random);
    }
    double gap = (double) duration / Math.max(1, size * rounds);
    for (int round = 0; round < rounds; round++) {
      for (SimUser victim : targets) {
        t += 1 + (long) (gap * (0.5 + random.nextDouble()));
        int source = random.nextInt(sourceCount);
        add(t, victim.account, from[source], agents[source], guess(victim, 0.004, random), campaign, random);
      }
    }
  }

  /** Dozens of passwords against one account from one source; tenants that lock answer LOCKED after ten. */
  void bruteForce(SplittableRandom random) {
    Campaign campaign = ledger.open(AttackType.BRUTE_FORCE, null);
    SimUser victim = population.users().get(random.nextInt(population.users().size()));
    boolean slow = knobs.slowdown() > 1;
    int attempts = slow ? 10 + random.nextInt(21) : 20 + random.nextInt(61);
    long meanGap = slow ? 300 : 8;
    long t = randomStart(attempts * meanGap * 2, random);
    Origin from = sources.any(random);
    Client client = agents(t, 1, random)[0];
    for (int i = 0; i < attempts; i++) {
      FailureReason reason = victim.tenant.locksAccounts() && i >= 10 ? FailureReason.LOCKED : FailureReason.BAD_PASSWORD;
      add(t, victim.account, from, client, reason, campaign, random);
      t += 1 + (long) Gaussian.exponential(meanGap, random);
    }
    if (!victim.tenant.locksAccounts() && random.nextDouble() < 0.15) {
      add(t, victim.account, from, client, guess(victim, 1, random), campaign, random);
    }
  }

  /** The outcome of trying a password that is right with {@code hitRate}; MFA stops the attacker at the door. */
  private static @Nullable FailureReason guess(SimUser victim, double hitRate, SplittableRandom random) {
    if (random.nextDouble() >= hitRate) {
      return FailureReason.BAD_PASSWORD;
    }
    return victim.hasMfa ? FailureReason.MFA_FAILED : null;
  }

  /** One tool's agent for the whole campaign, or {@code count} browser agents it rotates through. */
  private Client[] agents(long at, int count, SplittableRandom random) {
    Client[] agents = new Client[count];
    boolean scripted = random.nextDouble() < knobs.scriptedAgentShare();
    String tool = ScriptedAgents.anyTool(random);
    for (int i = 0; i < count; i++) {
      agents[i] = new Client(scripted ? tool : ScriptedAgents.anyBrowser(at, knobs.slowdown() > 1 ? 1 : 8, random),
          null);
    }
    return agents;
  }

  private void add(long at, Account account, Origin from, Client client, @Nullable FailureReason failure,
      Campaign campaign, SplittableRandom random) {
    long session = failure == null ? random.nextLong() | 1 : 0;
    timeline.add(new Draft(at, account, from.ip(), from.geo(), client, failure, "password", session, campaign));
  }

  private long randomStart(long duration, SplittableRandom random) {
    long span = Math.max(1, timeline.endSecond() - timeline.startSecond() - duration);
    return timeline.startSecond() + (long) (random.nextDouble() * span);
  }

  static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}
