package dev.vigil.server.enforce;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries out planned actions off the login's thread: the detecting transaction asks for its incident's actions
 * to run once it commits ({@link #runAfterCommit}), so the login's answer never waits for an adapter, and a
 * sweep retries whatever failed or was left PENDING by a crash. Running an action twice is harmless: the row
 * lock and status check in {@link Enforcement} let only the first one act.
 */
@Component
public final class ActionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
  private static final int SWEEP_BATCH = 100;

  private final Enforcement enforcement;
  private final ExecutorService executor;

  ActionRunner(Enforcement enforcement, ExecutorService enforcementExecutor) {
    this.enforcement = enforcement;
    this.executor = enforcementExecutor;
  }

  /** Runs the incident's pending actions after the current transaction commits (at once when there is none). */
  public void runAfterCommit(String incidentId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      submit(incidentId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        submit(incidentId);
      }
    });
  }

  private void submit(String incidentId) {
    executor.execute(() -> runPending(incidentId));
  }

  /** Runs the incident's pending actions now, on the calling thread. */
  public void runPending(String incidentId) {
    for (long id : enforcement.runnable(incidentId)) {
      runQuietly(id);
    }
  }

  @Scheduled(fixedDelayString = "${vigil.enforce.retry-interval:PT5S}",
      initialDelayString = "${vigil.enforce.retry-interval:PT5S}")
  void retry() {
    List<Long> ids = enforcement.retryable(SWEEP_BATCH);
    for (long id : ids) {
      runQuietly(id);
    }
  }

  private void runQuietly(long id) {
    try {
      enforcement.run(id);
    } catch (RuntimeException e) {
      // The action stays PENDING/FAILED and the sweep tries again; the database may be briefly unavailable.
      LOG.warn("action {} could not be run now ({}); will retry", id, e.getClass().getSimpleName());
    }
  }
}
