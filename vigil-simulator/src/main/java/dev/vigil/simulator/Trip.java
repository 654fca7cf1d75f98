package dev.vigil.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A journey away from home and back, flown at airliner speed so that the apparent speed between the last login
 * at home and the first one away stays well under the impossible-travel threshold.
 *
 * @param destination where the user stays
 * @param departs epoch second the outbound flight leaves
 * @param arrives epoch second it lands
 * @param returns epoch second the return flight leaves
 * @param home epoch second the user is back
 */
record Trip(City destination, long departs, long arrives, long returns, long home) {
  /** Cruise speed plus taxi, boarding and the trip to the airport folded in. */
  static final double FLIGHT_KMH = 750;
  static final long AIRPORT_SECONDS = 3 * 3600;

  static Trip plan(City from, City destination, long departs, int nights) {
    long flight = AIRPORT_SECONDS + (long) (from.distanceKm(destination) / FLIGHT_KMH * 3600);
    long returns = departs + nights * 86_400L;
    return new Trip(destination, departs, departs + flight, returns, returns + flight);
  }

  /** Where the user is at {@code epochSecond}; {@code null} while in the air. */
  @Nullable City where(long epochSecond, City homeCity) {
    if (epochSecond < departs || epochSecond >= home) {
      return homeCity;
    }
    if (epochSecond < arrives || epochSecond >= returns) {
      return null;
    }
    return destination;
  }

  boolean over(long epochSecond) {
    return epochSecond >= home;
  }
}
