package dev.vigil.core.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything the engine keeps for one tenant: user profiles, source activity at three levels (address,
 * network, AS), the tenant-wide activity ring and the population statistics. Tenants never share state, so one
 * tenant's traffic can neither teach nor poison another's profiles.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class TenantState {
  /** Sources idle for a day are forgotten: every source rule looks back at most an hour. */
  private static final int SOURCE_IDLE_SECONDS = 86_400;

  private final Map<String, UserProfile> users = new HashMap<>();
  private final SourceIndex addresses;
  private final SourceIndex networks;
  private final SourceIndex systems;
  private final TenantActivity activity = new TenantActivity();
  private final PopulationStats population = new PopulationStats();
  /** Whether a challenged login of this tenant was confirmed since the engine started (not in snapshots). */
  private boolean challengesConfirmed;

  public TenantState(int maxSourcesPerLevel) {
    this.addresses = new SourceIndex(maxSourcesPerLevel, SOURCE_IDLE_SECONDS);
    this.networks = new SourceIndex(maxSourcesPerLevel, SOURCE_IDLE_SECONDS);
    this.systems = new SourceIndex(Math.max(1, maxSourcesPerLevel / 8), SOURCE_IDLE_SECONDS);
  }

  /** The user's profile, created empty on first sight. */
  public UserProfile profile(String userId) {
    return users.computeIfAbsent(userId, id -> new UserProfile());
  }

  /** The user's profile if one exists; never creates one (unknown user names must not cost memory). */
  public Optional<UserProfile> existingProfile(String userId) {
    return Optional.ofNullable(users.get(userId));
  }

  /**
   * Whether this tenant's challenges are seen being answered: a challenged login was confirmed since the engine
   * started. Kept out of snapshots on purpose — after a restart the engine assumes nothing until the next
   * confirmation, which errs on the side of fewer challenges.
   */
  public boolean challengesConfirmed() {
    return challengesConfirmed;
  }

  /** Records that a challenged login of this tenant was confirmed. */
  public void markChallengeConfirmed() {
    challengesConfirmed = true;
  }

  public int userCount() {
    return users.size();
  }

  public SourceIndex addresses() {
    return addresses;
  }

  public SourceIndex networks() {
    return networks;
  }

  public SourceIndex systems() {
    return systems;
  }

  public TenantActivity activity() {
    return activity;
  }

  public PopulationStats population() {
    return population;
  }

  void forEachUser(BiConsumer<String, UserProfile> action) {
    users.forEach(action);
  }

  void putUser(String userId, UserProfile profile) {
    users.put(userId, profile);
  }
}
