package dev.vigil.server.enforce;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The login service's {@link AccountControl} with a gate per user: a freeze of a gated user announces that it
 * started and then waits for the gate to open, so a test can act (roll back) while an enforcement is in flight.
 */
public final class GatedAccountControl implements AccountControl {
  private final AccountControl real;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  public GatedAccountControl(AccountControl real) {
    this.real = real;
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

  @Override
  public List<String> revokeSessions(String tenantId, String userId) {
    return real.revokeSessions(tenantId, userId);
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds) {
    return real.revokeSessions(tenantId, userId, sessionIds);
  }

  @Override
  public List<String> restoreSessions(String tenantId, Collection<String> sessionIds) {
    return real.restoreSessions(tenantId, sessionIds);
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
    return real.freeze(tenantId, userId);
  }

  @Override
  public boolean unfreeze(String tenantId, String userId) {
    return real.unfreeze(tenantId, userId);
  }

  @Override
  public boolean isFrozen(String tenantId, String userId) {
    return real.isFrozen(tenantId, userId);
  }
}
