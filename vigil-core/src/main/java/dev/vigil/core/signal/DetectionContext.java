package dev.vigil.core.signal;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.enrich.EnrichedLogin;
import dev.vigil.core.enrich.NetworkCategory;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.SourceActivity;
import dev.vigil.core.profile.TenantActivity;
import dev.vigil.core.profile.TenantState;
import dev.vigil.core.profile.UserProfile;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a detector may look at for one login: the enriched event, its features, the user's profile as it was
 * before this login, and the source and tenant activity including this attempt.
 */
public final class DetectionContext {
  private final EnrichedLogin login;
  private final LoginFeatures features;
  private final @Nullable UserProfile profile;
  private final TenantState tenant;
  private final DetectionSettings settings;
  // Several detectors read the same source window (spray and stuffing both look back an hour): the last few
  // computed windows are kept, keyed by level and length.
  private final SourceActivity.Window[] windows = new SourceActivity.Window[6];
  private final long[] windowKeys = new long[6];
  private int windowCount;

  public DetectionContext(EnrichedLogin login, LoginFeatures features, @Nullable UserProfile profile,
      TenantState tenant, DetectionSettings settings) {
    this.login = requireNonNull(login, "login");
    this.features = requireNonNull(features, "features");
    this.profile = profile;
    this.tenant = requireNonNull(tenant, "tenant");
    this.settings = requireNonNull(settings, "settings");
  }

  public EnrichedLogin login() {
    return login;
  }

  public LoginEvent event() {
    return login.event();
  }

  public LoginFeatures features() {
    return features;
  }

  /** The user's profile before this login; {@code null} for a user name the tenant does not know. */
  public @Nullable UserProfile profile() {
    return profile;
  }

  public DetectionSettings settings() {
    return settings;
  }

  public boolean isSuccess() {
    return login.event().isSuccess();
  }

  public boolean isUnknownUser() {
    return login.event().failureReason() == FailureReason.UNKNOWN_USER;
  }

  /** Whether the user has enough successful history for unfamiliarity to mean something. */
  public boolean hasHistory() {
    return profile != null && profile.successes() >= settings.familiarity().minHistory();
  }

  /**
   * Whether the user already knows this login's value of {@code feature}: its decayed weight is at least
   * {@value #FAMILIAR_WEIGHT} — one allowed login, or three to four challenged ones (a challenged login may have
   * been an attacker's who then failed the challenge; the engine cannot tell, so it vouches only a little).
   */
  public boolean familiar(Feature feature) {
    return profile != null && profile.weight(feature, features.key(feature)) >= FAMILIAR_WEIGHT;
  }

  /**
   * Whether this login's value of {@code feature} is established: known from more than one or two logins (decayed
   * weight at least {@value #ESTABLISHED_WEIGHT}).
   */
  public boolean established(Feature feature) {
    return profile != null && profile.weight(feature, features.key(feature)) >= ESTABLISHED_WEIGHT;
  }

  /** The weight at which a value counts as familiar. */
  public static final float FAMILIAR_WEIGHT = 0.3f;

  /**
   * The decayed weight from which a familiar device or network is established rather than known from only one or
   * two logins (an allowed or confirmed login teaches 1). Measured at 2.5 and 4 with the same effect
   * (docs/EVALUATION.md).
   */
  public static final float ESTABLISHED_WEIGHT = 2.5f;

  /** This login's source at {@code level}, over the last {@code window} of event time. */
  public SourceActivity.Window source(SourceLevel level, Duration window) {
    long key = window.toSeconds() * 4 + level.ordinal();
    for (int i = 0; i < windowCount; i++) {
      if (windowKeys[i] == key) {
        return windows[i];
      }
    }
    SourceActivity.Window computed = compute(level, window);
    if (windowCount < windows.length) {
      windowKeys[windowCount] = key;
      windows[windowCount++] = computed;
    }
    return computed;
  }

  private SourceActivity.Window compute(SourceLevel level, Duration window) {
    SourceActivity activity = switch (level) {
      case ADDRESS -> tenant.addresses().peek(login.event().ip().hash64());
      case NETWORK -> tenant.networks().peek(login.event().ip().networkKey());
      case SYSTEM -> login.network().asn() == 0 ? null : tenant.systems().peek(login.network().asn());
    };
    if (activity == null) {
      return SourceActivity.Window.EMPTY;
    }
    int now = features.second();
    return activity.window(now - (int) window.toSeconds(), now);
  }

  /** The tenant's population statistics (successful logins by feature value). */
  public dev.vigil.core.profile.PopulationStats population() {
    return tenant.population();
  }

  /** The tenant's activity over the last {@code minutes} minutes, this attempt included. */
  public TenantActivity.Window tenantWindow(int minutes) {
    return tenant.activity().window(features.second(), minutes);
  }

  /** Whether this login's network hides where the person is (VPN, proxy, hosting). */
  public boolean obscuredNetwork() {
    NetworkCategory category = login.network().category();
    return category == NetworkCategory.ANONYMIZER || category == NetworkCategory.HOSTING;
  }

  /** The three levels at which a source is counted. */
  public enum SourceLevel {
    /** The exact address. */
    ADDRESS,
    /** Its /24 or /48. */
    NETWORK,
    /** Its autonomous system. */
    SYSTEM
  }
}
