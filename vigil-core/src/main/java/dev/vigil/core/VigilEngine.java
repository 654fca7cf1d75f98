package dev.vigil.core;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.enrich.EnrichedLogin;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.NetworkCategory;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.DecisionPolicy;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.profile.EngineState;
import dev.vigil.core.profile.EventClock;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.TenantState;
import dev.vigil.core.profile.UserProfile;
import dev.vigil.core.score.AnomalyFeatures;
import dev.vigil.core.score.RiskScorer;
import dev.vigil.core.score.TenantAnomalyModel;
import dev.vigil.core.signal.DetectionContext;
import dev.vigil.core.signal.Detector;
import dev.vigil.core.signal.Detectors;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import dev.vigil.core.signal.Signals;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine: turns login events into explained assessments.
 *
 * <p>Each call of {@link #assess} runs the pipeline of DESIGN.md §2 — enrich, observe (velocity counters,
 * failure rings), detect, score, decide, learn — as a function of the event and the state, driven by the
 * event's own time: replaying the same events into a fresh engine gives the same assessments (except
 * {@code latencyMicros}).
 *
 * <p><b>Order of evidence.</b> Counters include the current attempt (the fifth failure is a brute force);
 * familiarity is the profile as it was before the login (a login cannot vouch for itself); a success teaches
 * the profile after it is scored, fully when allowed, partly when challenged, not at all when denied.
 *
 * <p><b>Late events.</b> Events may arrive out of order. One no more than {@code allowedLateness} behind the
 * user's latest event is handled as if on time (window counters place it by its own time; the "last success"
 * used for travel only moves forward). One further behind is assessed but teaches the profile nothing, so a
 * delayed batch cannot rewrite what the profile learned since.
 *
 * <p><b>Idempotency.</b> The last {@code idempotencyCacheSize} assessments are kept by (tenant, eventId); the
 * same event again returns the first assessment without touching state. Durable idempotency across restarts is
 * the server's job (it stores assessments).
 *
 * <p><b>Threading.</b> Not thread-safe: one thread drives an engine (or partition users across engines). A
 * detector that throws is caught and counted ({@link #detectorFailures()}); it never fails an assessment.
 */
public final class VigilEngine {
  private final Enricher enricher;
  private EngineSettings settings;
  private final List<Detector> detectors;
  private final EngineState state;
  private final Map<String, TenantAnomalyModel> forests;
  private final Map<String, Assessment> recent;
  private final Map<String, Unconfirmed> unconfirmed;
  private final double[] vector = new double[AnomalyFeatures.LENGTH];
  private long detectorFailures;

  private VigilEngine(Builder builder) {
    this.enricher = builder.enricher;
    this.settings = builder.settings;
    this.detectors = List.copyOf(builder.detectors);
    this.state = builder.state != null ? builder.state : new EngineState(settings.maxSourcesPerLevel());
    this.forests = new HashMap<>(builder.forests);
    int cacheSize = settings.idempotencyCacheSize();
    this.recent = boundedMap(cacheSize);
    this.unconfirmed = boundedMap(cacheSize);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assesses one login and updates the state.
   *
   * @throws NullPointerException when {@code event} is null
   */
  public Assessment assess(LoginEvent event) {
    requireNonNull(event, "event");
    long started = System.nanoTime();
    String idempotencyKey = eventKey(event.tenantId(), event.eventId());
    Assessment earlier = recent.get(idempotencyKey);
    if (earlier != null) {
      return earlier;
    }
    TenantSettings tenantSettings = settings.forTenant(event.tenantId());
    EnrichedLogin login = enricher.enrich(event);
    LoginFeatures features = LoginFeatures.of(login);
    TenantState tenant = state.tenant(event.tenantId());
    UserProfile profile = observe(login, features, tenant, tenantSettings);

    Signals found = new Signals(tenantSettings.detection());
    DetectionContext context = new DetectionContext(login, features, profile, tenant, tenantSettings.detection());
    for (Detector detector : detectors) {
      try {
        detector.inspect(context, found);
      } catch (RuntimeException e) {
        detectorFailures++;
      }
    }
    double forestScore = Double.NaN;
    TenantAnomalyModel forest = null;
    if (profile != null && context.hasHistory() && tenantSettings.scoring().forest().enabled()) {
      forest = forests.computeIfAbsent(event.tenantId(), t -> TenantAnomalyModel.defaults());
      AnomalyFeatures.of(features, profile, login.network().obscuresLocation(), login.userAgent().automated(), vector);
      forestScore = forest.score(vector);
    }
    RiskScorer.Score score = RiskScorer.score(found.list(), features, profile, tenant.population(), forestScore,
        tenantSettings.scoring(), tenant.challengesConfirmed());
    Decision decision = DecisionPolicy.decide(score.value(), score.signals(), tenantSettings.policy());
    Set<Action> actions = DecisionPolicy.actions(decision, score.value(), event.outcome(), score.signals(),
        tenantSettings.policy());
    learn(login, features, profile, tenant, decision, unfamiliarity(score.signals()), tenantSettings);
    if (forest != null && decision == Decision.ALLOW && event.isSuccess()) {
      forest.learn(vector);
    }

    long micros = (System.nanoTime() - started) / 1_000;
    Assessment assessment = new Assessment(event.eventId(), event.tenantId(), event.userId(), event.timestamp(),
        event.outcome(), score.value(), RiskLevel.of(score.value()), decision, score.signals(), actions,
        tenantSettings.policy().mode(), null, settings.modelVersion(), micros);
    if (settings.idempotencyCacheSize() > 0) {
      recent.put(idempotencyKey, assessment);
    }
    return assessment;
  }

  /** Counts the attempt everywhere it counts, and returns the user's profile (null for unknown user names). */
  private UserProfile observe(EnrichedLogin login, LoginFeatures features, TenantState tenant,
      TenantSettings tenantSettings) {
    LoginEvent event = login.event();
    boolean failure = !event.isSuccess();
    boolean unknownUser = event.failureReason() == FailureReason.UNKNOWN_USER;
    int second = features.second();
    // Unknown user names never get a profile: a credential list of millions of names must not cost memory.
    UserProfile profile = unknownUser
        ? tenant.existingProfile(event.userId()).orElse(null)
        : tenant.profile(event.userId());
    if (profile != null) {
      profile.decayTo(EventClock.day(second), (float) tenantSettings.detection().familiarity().halfLifeDays());
      if (failure) {
        profile.recordFailure(second, Detectors.failureSourceKey(event.ip().networkKey()));
      }
    }
    countSourceAndTenant(login, second, tenant);
    return profile;
  }

  /** The shared half of observing a login: its source (address, network, AS) and the tenant-wide activity. */
  private static void countSourceAndTenant(EnrichedLogin login, int second, TenantState tenant) {
    LoginEvent event = login.event();
    boolean failure = !event.isSuccess();
    boolean unknownUser = event.failureReason() == FailureReason.UNKNOWN_USER;
    int userKey = event.userId().hashCode();
    tenant.addresses().activity(event.ip().hash64(), second).record(second, userKey, failure, unknownUser);
    tenant.networks().activity(event.ip().networkKey(), second).record(second, userKey, failure, unknownUser);
    if (login.network().asn() != 0) {
      tenant.systems().activity(login.network().asn(), second).record(second, userKey, failure, unknownUser);
    }
    tenant.activity().record(second, failure, unknownUser, login.userAgent().automated(),
        login.network().obscuresLocation());
  }

  /**
   * Counts a login that another engine assesses — its user's profile lives elsewhere — in the evidence that spans
   * users: the tenant's per-source activity (address, network, AS) and its tenant-wide activity. It is neither
   * assessed nor remembered for idempotency, and no profile is created, read or changed.
   *
   * <p>For engines that share one tenant's users between them (one engine per partition of users, as on Kafka
   * Streams): an engine that assesses its own users' logins and observes every other login of the tenant, each in
   * event-time order, sees the same source and tenant evidence — password spray, credential stuffing from a
   * source, a tenant-wide stuffing surge — as one engine assessing all of them. An observed success also counts in
   * the tenant's population statistics (how common each country, network, device is among the tenant's logins,
   * which the statistical model weighs a user's novelty against): without it each engine's population is its own
   * users', scores near a threshold differ, and what a profile learns from them diverges. The one difference left:
   * an engine that assessed the success itself leaves it out of the population when it denied it. The anomaly
   * model stays per engine.
   *
   * <p>Observing the same event twice counts it twice: de-duplicate by eventId before calling.
   *
   * @throws NullPointerException when {@code event} is null
   */
  public void observe(LoginEvent event) {
    requireNonNull(event, "event");
    EnrichedLogin login = enricher.enrich(event);
    LoginFeatures features = LoginFeatures.of(login);
    TenantState tenant = state.tenant(event.tenantId());
    countSourceAndTenant(login, features.second(), tenant);
    if (event.isSuccess()) {
      tenant.population().add(features);
    }
  }

  private void learn(EnrichedLogin login, LoginFeatures features, UserProfile profile, TenantState tenant,
      Decision decision, int unfamiliarity, TenantSettings tenantSettings) {
    if (profile == null) {
      return;
    }
    int second = features.second();
    boolean tooLate = profile.lastEventSecond() >= 0
        && profile.lastEventSecond() - second > settings.allowedLateness().toSeconds();
    profile.touch(second);
    if (!login.event().isSuccess() || tooLate) {
      return;
    }
    float weight = switch (decision) {
      case ALLOW -> tenantSettings.allowedLearnWeight(unfamiliarity);
      case CHALLENGE -> (float) tenantSettings.challengedLearnWeight();
      case DENY -> 0f;
    };
    boolean obscured = login.network().obscuresLocation();
    boolean mobile = login.network().category() == NetworkCategory.MOBILE;
    if (weight <= 0) {
      // A denied success teaches nothing now, but an analyst may later find it was the user (a false positive):
      // remember it so that confirm() can teach it in full then.
      unconfirmed.put(eventKey(login.event().tenantId(), login.event().eventId()),
          new Unconfirmed(login.event().userId(), features, obscured, mobile, 0f));
      return;
    }
    profile.learn(features, weight);
    profile.countSuccess();
    tenant.population().add(features);
    if (decision == Decision.ALLOW) {
      profile.markLastSuccess(features, obscured, mobile);
    } else {
      unconfirmed.put(eventKey(login.event().tenantId(), login.event().eventId()),
          new Unconfirmed(login.event().userId(), features, obscured, mobile, weight));
    }
  }

  /**
   * The part of a login's score (0–100, combined as the scorer does) that comes from unfamiliarity — what the
   * user's next logins from the same place and device resolve. A scripted client or a VPN scores the same on every
   * login, so it must not keep the profile from learning the user's own place. A new device on a network the user
   * knows is left out too: that is a purchase used at home, and an attacker is not on the user's network — doubting
   * it only challenged the owner when the new laptop next appeared on another address of the same provider.
   */
  private static int unfamiliarity(List<Signal> signals) {
    boolean elsewhere = false;
    for (Signal signal : signals) {
      elsewhere |= signal.type().newPlace();
    }
    double keep = 1;
    for (Signal signal : signals) {
      if (signal.type().unfamiliarity() && (elsewhere || signal.type() != SignalType.NEW_DEVICE)) {
        keep *= 1 - signal.weight();
      }
    }
    return (int) Math.round(100 * (1 - keep));
  }

  /**
   * Tells the engine that the user passed the challenge of a login it challenged (the second factor succeeded, or
   * an analyst confirmed it): the login now teaches the profile as an allowed one would — its place, network and
   * device become familiar, and it becomes the last place travel is measured from. Without this, a challenged
   * login teaches only {@code challengedLearnWeight}, because in a replay the engine cannot know whether the
   * challenge was passed.
   *
   * <p>The engine remembers the last {@code idempotencyCacheSize} challenged successes for this; a confirmation
   * of an older one, of an unknown event or of an event confirmed already changes nothing.
   *
   * @return whether the confirmation taught the profile
   */
  public boolean confirm(String tenantId, String eventId) {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(eventId, "eventId");
    Unconfirmed pending = unconfirmed.remove(eventKey(tenantId, eventId));
    if (pending == null) {
      return false;
    }
    TenantState tenant = state.tenant(tenantId);
    UserProfile profile = tenant.existingProfile(pending.userId()).orElse(null);
    if (profile == null) {
      return false;
    }
    tenant.markChallengeConfirmed();
    profile.learn(pending.features(), 1f - pending.learned());
    if (pending.learned() <= 0) {
      // a denied login was never counted as a success of the user or of the tenant's population
      profile.countSuccess();
      tenant.population().add(pending.features());
    }
    profile.markLastSuccess(pending.features(), pending.obscured(), pending.mobile());
    return true;
  }

  /** An insertion-ordered map that drops its oldest entry beyond {@code maxEntries}. */
  private static <V> Map<String, V> boundedMap(int maxEntries) {
    return new LinkedHashMap<>(Math.min(maxEntries, 1 << 12), 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private static String eventKey(String tenantId, String eventId) {
    return tenantId + '\u0000' + eventId;
  }

  /** A challenged success waiting for {@link #confirm}: what it would teach, and how much it already did. */
  private record Unconfirmed(String userId, LoginFeatures features, boolean obscured, boolean mobile,
      float learned) {}

  /** How many detector calls threw since the engine started (each was skipped, never failing a login). */
  public long detectorFailures() {
    return detectorFailures;
  }

  /** How many user profiles the engine holds, over all tenants. */
  public int profileCount() {
    return state.profileCount();
  }

  /**
   * Replaces one tenant's settings from the next assessment on: an operator switching a detector off or a tenant
   * to monitor mode at runtime. Profiles and counters are kept; earlier assessments are not revisited.
   *
   * @throws NullPointerException when either argument is null
   */
  public void updateTenant(String tenantId, TenantSettings tenantSettings) {
    settings = settings.withTenant(tenantId, tenantSettings);
  }

  /** The settings the engine runs with. */
  public EngineSettings settings() {
    return settings;
  }

  /** A read-only summary of a user's profile, if the engine knows the user. */
  public Optional<ProfileSummary> profileSummary(String tenantId, String userId) {
    // A look-up must not create state: probing unknown tenants would otherwise grow the engine.
    return state.existingTenant(tenantId).flatMap(t -> t.existingProfile(userId)).map(ProfileSummary::of);
  }

  /**
   * Writes every profile, tenant statistic and anomaly model in the versioned snapshot format (see
   * {@link EngineState}).
   */
  public void writeSnapshot(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(requireNonNull(out, "out"));
    state.writeSnapshot(data);
    TenantAnomalyModel.writeAll(forests, data);
    data.flush();
  }

  /** Builds an engine; every part has a default. */
  public static final class Builder {
    private Enricher enricher = Enricher.defaults();
    private EngineSettings settings = EngineSettings.defaults();
    private List<Detector> detectors = Detectors.builtIn();
    private EngineState state;
    private final Map<String, TenantAnomalyModel> forests = new HashMap<>();

    private Builder() {}

    public Builder enricher(Enricher enricher) {
      this.enricher = requireNonNull(enricher, "enricher");
      return this;
    }

    public Builder settings(EngineSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /** Replaces the built-in detectors (tests, and deployments that add their own rules). */
    public Builder detectors(List<Detector> detectors) {
      this.detectors = new ArrayList<>(requireNonNull(detectors, "detectors"));
      return this;
    }

    /**
     * Starts from a snapshot written by {@link VigilEngine#writeSnapshot}.
     *
     * @throws IOException when the stream is not a readable snapshot of a supported version
     */
    public Builder restore(InputStream snapshot) throws IOException {
      requireNonNull(snapshot, "snapshot");
      DataInputStream data = new DataInputStream(snapshot);
      EngineState restored = new EngineState(settings.maxSourcesPerLevel());
      restored.readSnapshot(data);
      Map<String, TenantAnomalyModel> models = new HashMap<>();
      TenantAnomalyModel.readAll(data, models);
      this.state = restored;
      this.forests.clear();
      this.forests.putAll(models);
      return this;
    }

    public VigilEngine build() {
      return new VigilEngine(this);
    }
  }
}
