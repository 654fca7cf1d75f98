package dev.vigil.core.replay;

import dev.vigil.core.event.IpAddress;
import dev.vigil.core.policy.Assessment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the riskiest users and networks of a replay within a fixed memory bound.
 *
 * <p>Only users with a score above 0 and networks with a flagged login are tracked. When more than
 * {@code capacity} of either are tracked, the lower-ranked half is dropped: a replay of millions of users keeps
 * its constant memory, and the top 10 stay exact unless a dropped user or network later climbs back into them
 * (it then restarts its count, so it may be under-counted). Replays of up to {@code capacity} risky users or
 * networks are always exact. Not thread-safe: one replay, one thread.
 */
final class RiskTally {
  static final int DEFAULT_CAPACITY = 100_000;
  static final int TOP = 10;

  private static final Comparator<UserRisk> USER_RANK = Comparator.comparingInt((UserRisk u) -> u.maxScore)
      .thenComparingLong(u -> u.flagged)
      .reversed()
      .thenComparing(u -> u.key.tenantId)
      .thenComparing(u -> u.key.userId);
  private static final Comparator<NetworkRisk> NETWORK_RANK =
      Comparator.comparingLong((NetworkRisk n) -> n.flagged).reversed().thenComparingLong(n -> n.key);

  private final int capacity;
  private final Map<UserKey, UserRisk> users = new HashMap<>();
  private final Map<Long, NetworkRisk> networks = new HashMap<>();

  RiskTally() {
    this(DEFAULT_CAPACITY);
  }

  RiskTally(int capacity) {
    if (capacity < 2 * TOP) {
      throw new IllegalArgumentException("capacity must be at least " + 2 * TOP + ": " + capacity);
    }
    this.capacity = capacity;
  }

  void add(Assessment assessment, IpAddress ip) {
    boolean flagged = assessment.flagged();
    if (assessment.score() > 0 || flagged) {
      UserRisk user = users.computeIfAbsent(new UserKey(assessment.tenantId(), assessment.userId()), UserRisk::new);
      user.maxScore = Math.max(user.maxScore, assessment.score());
      if (flagged) {
        user.flagged++;
      }
      if (users.size() > capacity) {
        keepBest(users, USER_RANK);
      }
    }
    if (flagged) {
      networks.computeIfAbsent(ip.networkKey(), key -> new NetworkRisk(key, ip)).flagged++;
      if (networks.size() > capacity) {
        keepBest(networks, NETWORK_RANK);
      }
    }
  }

  List<RiskyUser> topUsers() {
    return users.values().stream()
        .sorted(USER_RANK)
        .limit(TOP)
        .map(u -> new RiskyUser(u.key.tenantId, u.key.userId, u.maxScore, u.flagged))
        .toList();
  }

  List<RiskyNetwork> topNetworks() {
    return networks.values().stream()
        .sorted(NETWORK_RANK)
        .limit(TOP)
        .map(n -> new RiskyNetwork(n.sample.networkText(), n.flagged))
        .toList();
  }

  int trackedUsers() {
    return users.size();
  }

  int trackedNetworks() {
    return networks.size();
  }

  private <K, V> void keepBest(Map<K, V> map, Comparator<V> rank) {
    List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Map.Entry.comparingByValue(rank));
    for (Map.Entry<K, V> dropped : entries.subList(capacity / 2, entries.size())) {
      map.remove(dropped.getKey());
    }
  }

  private record UserKey(String tenantId, String userId) {
    @Override
    public String toString() {
      return "UserKey[tenantId=" + tenantId + "]";
    }
  }

  private static final class UserRisk {
    final UserKey key;
    int maxScore;
    long flagged;

    UserRisk(UserKey key) {
      this.key = key;
    }
  }

  private static final class NetworkRisk {
    final long key;
    final IpAddress sample;
    long flagged;

    NetworkRisk(long key, IpAddress sample) {
      this.key = key;
      this.sample = sample;
    }
  }
}
