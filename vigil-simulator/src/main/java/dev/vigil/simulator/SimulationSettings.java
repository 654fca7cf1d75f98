package dev.vigil.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param seed the only source of randomness: the same settings give byte-identical output
 * @param users legitimate users across all tenants, 10 to 1,000,000
 * @param days length of the simulated window, 1 to 3,650
 * @param scenario how stealthy attackers and how noisy users are
 * @param start the first instant of the window; event time derives from it, never from the wall clock
 */
public record SimulationSettings(long seed, int users, int days, Scenario scenario, Instant start) {
  /** Midnight UTC on 2026-10-01: fixed so that a default run is the same run everywhere. */
  public static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");

  static final int MIN_USERS = 10;
  static final int MAX_USERS = 1_000_000;
  static final int MAX_DAYS = 3_650;

  public SimulationSettings {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(start, "start");
    if (users < MIN_USERS || users > MAX_USERS) {
      throw new IllegalArgumentException(
          "users must be between " + MIN_USERS + " and " + MAX_USERS + ": " + users);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
    }
  }

  /** Seed 1, 5,000 users, 30 days, the standard scenario, from {@link #DEFAULT_START}: about 300,000 events. */
  public static SimulationSettings defaults() {
    return new SimulationSettings(1, 5_000, 30, Scenario.STANDARD, DEFAULT_START);
  }

  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(newSeed, users, days, scenario, start);
  }

  public SimulationSettings withUsers(int newUsers) {
    return new SimulationSettings(seed, newUsers, days, scenario, start);
  }

  public SimulationSettings withDays(int newDays) {
    return new SimulationSettings(seed, users, newDays, scenario, start);
  }

  public SimulationSettings withScenario(Scenario newScenario) {
    return new SimulationSettings(seed, users, days, newScenario, start);
  }

  public SimulationSettings withStart(Instant newStart) {
    return new SimulationSettings(seed, users, days, scenario, newStart);
  }

  /** The first instant after the window. */
  public Instant end() {
    return start.plusSeconds(86_400L * days);
  }
}
