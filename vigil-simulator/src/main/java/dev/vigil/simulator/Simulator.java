package dev.vigil.simulator;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a simulation: builds the users, plans the attacks, writes everyone's logins and hands them out in
 * timestamp order with their labels.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded from the settings is the only source of randomness
 * (split per user, so each user's life does not depend on how many draws the previous user took), all maths
 * that feeds a random choice goes through {@link StrictMath}, and time comes from the settings. The same
 * settings give byte-identical files on any JVM.
 */
public final class Simulator {
  /** Campaign counts in {@link ScenarioKnobs} are per this many user-days. */
  private static final double REFERENCE_USER_DAYS = 5_000.0 * 30;

  private Simulator() {}

  /**
   * Writes {@code events.jsonl} and {@code labels.jsonl} into {@code outDirectory}, creating it when absent and
   * replacing files of those names.
   *
   * @throws IOException when the directory or files cannot be written
   */
  public static SimulationSummary run(SimulationSettings settings, Path outDirectory) throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(outDirectory, "outDirectory");
    try (JsonlFiles files = new JsonlFiles(outDirectory)) {
      return run(settings, files);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Hands every event with its label to {@code sink}, in timestamp order. */
  public static SimulationSummary run(SimulationSettings settings, EventSink sink) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(sink, "sink");
    World world = Atlas.WORLD;
    ScenarioKnobs knobs = settings.scenario().knobs();
    SplittableRandom root = new SplittableRandom(settings.seed());
    Population population = Population.create(world, knobs, settings.users(), root.split());
    long start = settings.start().getEpochSecond();
    Timeline timeline = new Timeline(start, start + settings.days() * 86_400L,
        (int) Math.min(Integer.MAX_VALUE - 8, settings.users() * (long) settings.days() * 2 + 1024));

    planAttacks(world, knobs, population, timeline, settings, root.split());
    SessionHijacker hijacker = new SessionHijacker(world, timeline);
    LegitimateTraffic legitimate = new LegitimateTraffic(world, knobs, population, timeline, hijacker);
    for (SimUser user : population.users()) {
      legitimate.generate(user, settings.days(), root.split());
    }
    return emit(settings, population, timeline.sorted(), sink);
  }

  private static void planAttacks(World world, ScenarioKnobs knobs, Population population, Timeline timeline,
      SimulationSettings settings, SplittableRandom random) {
    double scale = settings.users() * (double) settings.days() / REFERENCE_USER_DAYS;
    CampaignLedger ledger = new CampaignLedger();
    BulkAttacks bulk = new BulkAttacks(knobs, population, timeline, ledger, new SourcePicker(world, knobs));
    Takeovers takeovers = new Takeovers(world, knobs, population, timeline, ledger);
    for (int i = count(knobs.stuffingCampaigns(), scale, random); i > 0; i--) {
      bulk.credentialStuffing(random);
    }
    for (int i = count(knobs.sprayCampaigns(), scale, random); i > 0; i--) {
      bulk.passwordSpray(random);
    }
    for (int i = count(knobs.bruteForceCampaigns(), scale, random); i > 0; i--) {
      bulk.bruteForce(random);
    }
    // The first three takeovers cover the three models, so that even a small run has each of them.
    int takeoverCount = Math.max(3, count(knobs.takeovers(), scale, random));
    for (int i = 0; i < takeoverCount; i++) {
      takeovers.accountTakeover(i < 3 ? AttackerModel.values()[i] : model(knobs, random), random);
    }
    for (int i = count(knobs.anonymizerLogins(), scale, random); i > 0; i--) {
      takeovers.anonymizerLogin(random);
    }
    for (int i = count(knobs.hijacks(), scale, random); i > 0; i--) {
      takeovers.planHijack(random);
    }
  }

  /** The reference count scaled to this run, rounded at random so that fractions add up; at least one. */
  private static int count(double perReference, double scale, SplittableRandom random) {
    double expected = perReference * scale;
    int whole = (int) expected;
    return Math.max(1, whole + (random.nextDouble() < expected - whole ? 1 : 0));
  }

  private static AttackerModel model(ScenarioKnobs knobs, SplittableRandom random) {
    double roll = random.nextDouble();
    return roll < knobs.naiveShare()
        ? AttackerModel.NAIVE
        : roll < knobs.naiveShare() + knobs.vipShare() ? AttackerModel.VIP : AttackerModel.TARGETED;
  }

  private static SimulationSummary emit(SimulationSettings settings, Population population, List<Draft> drafts,
      EventSink sink) {
    String idPrefix = "e-" + Long.toUnsignedString(settings.seed(), 36) + "-";
    Map<AttackType, Long> attacks = new EnumMap<>(AttackType.class);
    Map<AttackType, Set<String>> campaigns = new EnumMap<>(AttackType.class);
    long attackEvents = 0;
    long successfulAttacks = 0;
    for (int i = 0; i < drafts.size(); i++) {
      Draft draft = drafts.get(i);
      String eventId = idPrefix + (i + 1);
      Outcome outcome = draft.failure() == null ? Outcome.SUCCESS : Outcome.FAILURE;
      LoginEvent event = new LoginEvent(eventId, draft.account().tenantId(), draft.account().userId(),
          Instant.ofEpochSecond(draft.atSecond()), outcome, draft.failure(), draft.ip(), draft.client().userAgent(),
          draft.client().deviceId(), draft.geo(), draft.authMethod(),
          draft.sessionKey() == 0 ? null : "s-" + Long.toHexString(draft.sessionKey()), Map.of(), Set.of());
      Campaign campaign = draft.campaign();
      Label label = campaign == null
          ? new Label(eventId, null, null, null, event.tenantId(), event.userId(), outcome)
          : new Label(eventId, campaign.type(), campaign.model(), campaign.id(), event.tenantId(), event.userId(),
              outcome);
      if (campaign != null) {
        attackEvents++;
        attacks.merge(campaign.type(), 1L, Long::sum);
        campaigns.computeIfAbsent(campaign.type(), type -> new HashSet<>()).add(campaign.id());
        if (outcome == Outcome.SUCCESS) {
          successfulAttacks++;
        }
      }
      drafts.set(i, null); // let the draft go as soon as its event is out
      sink.accept(event, label);
    }
    Map<AttackType, Integer> campaignCounts = new EnumMap<>(AttackType.class);
    campaigns.forEach((type, ids) -> campaignCounts.put(type, ids.size()));
    return new SimulationSummary(drafts.size(), population.users().size(), Tenant.BUILT_IN.size(), attackEvents,
        attacks, campaignCounts, successfulAttacks);
  }
}
