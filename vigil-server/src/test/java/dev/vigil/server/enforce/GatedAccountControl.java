package dev.vigil.server.enforce;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table-backed {@link AccountControl} with a gate per user: a freeze of a gated user announces that it
 * started and then waits for the gate to open, so a test can act (roll back) while an enforcement is in flight.
 */
public final class GatedAccountControl implements AccountControl {
  private final TableAccountControl tables;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  public GatedAccountControl(JdbcClient jdbc, Clock clock) {
    this.tables = new TableAccountControl(jdbc, clock);
  }

  /** A closed gate: {@link #entered} counts down when a freeze reaches it; {@link #open} lets it through. */
  public record Gate(CountDownLatch entered, CountDownLatch opened) {
    public boolean awaitEntered() throws InterruptedException {
      return entered.await(30, TimeUnit.SECONDS);
    }

    public void open() {
      opened.countDown();
    }
  }

  public Gate close(String tenantId, String userId) {
    Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
    gates.put(tenantId + '/' + userId, gate);
    return gate;
  }

  public void openSession(String tenantId, String userId, String sessionId, Instant expiresAt) {
    tables.openSession(tenantId, userId, sessionId, expiresAt);
  }

  public List<String> activeSessions(String tenantId, String userId) {
    return tables.activeSessions(tenantId, userId);
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId) {
    return tables.revokeSessions(tenantId, userId);
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds) {
    return tables.revokeSessions(tenantId, userId, sessionIds);
  }

  @Override
  public List<String> restoreSessions(String tenantId, Collection<String> sessionIds) {
    return tables.restoreSessions(tenantId, sessionIds);
  }

  @Override
  public boolean freeze(String tenantId, String userId) {
    Gate gate = gates.remove(tenantId + '/' + userId);
    if (gate != null) {
      gate.entered.countDown();
      try {
        if (!gate.opened.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return tables.freeze(tenantId, userId);
  }

  @Override
  public boolean unfreeze(String tenantId, String userId) {
    return tables.unfreeze(tenantId, userId);
  }

  @Override
  public boolean isFrozen(String tenantId, String userId) {
    return tables.isFrozen(tenantId, userId);
  }
}
