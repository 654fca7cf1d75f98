package dev.vigil.core.score;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.profile.PopulationStats;
import dev.vigil.core.profile.UserProfile;
import org.jspecify.annotations.Nullable;

/**
 * What the scorer knows of a login's user before the login: their profile, the tenant's population that the
 * statistical model compares it with, and whether the tenant's challenges are seen confirmed (which decides how
 * fast a young profile vouches for itself, see {@link ScoringSettings#maturity}).
 *
 * @param profile the user's profile, {@code null} for an unknown user
 * @param population the tenant's population statistics
 * @param challengesConfirmed whether one of the tenant's challenges was confirmed since the engine started
 */
public record UserHistory(@Nullable UserProfile profile, PopulationStats population, boolean challengesConfirmed) {
  public UserHistory {
    requireNonNull(population, "population");
  }
}
