package dev.vigil.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param events all events written
 * @param users legitimate users in the world
 * @param tenants tenants the users belong to
 * @param attackEvents events made by attackers (the rest are legitimate)
 * @param attackEventsByType attack events per type; every type is present, possibly with 0
 * @param campaignsByType attack campaigns per type; every type is present, possibly with 0
 * @param successfulAttacks attack events with outcome SUCCESS: the logins a detector must catch
 */
public record SimulationSummary(
    long events,
    int users,
    int tenants,
    long attackEvents,
    Map<AttackType, Long> attackEventsByType,
    Map<AttackType, Integer> campaignsByType,
    long successfulAttacks) {

  public SimulationSummary {
    attackEventsByType = Collections.unmodifiableMap(complete(attackEventsByType, 0L));
    campaignsByType = Collections.unmodifiableMap(complete(campaignsByType, 0));
  }

  public long legitimateEvents() {
    return events - attackEvents;
  }

  public int campaigns() {
    return campaignsByType.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static <V> EnumMap<AttackType, V> complete(Map<AttackType, V> counts, V zero) {
    EnumMap<AttackType, V> copy = new EnumMap<>(AttackType.class);
    for (AttackType type : AttackType.values()) {
      copy.put(type, counts.getOrDefault(type, zero));
    }
    return copy;
  }
}
