package dev.vigil.server.notify;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes idle dispatcher loops when a transaction that enqueued messages commits, so delivery starts within
 * milliseconds instead of a poll interval; other instances still find the messages by polling.
 */
@Component
final class DispatchSignal {
  private final Semaphore permits = new Semaphore(0);

  /** Wakes the dispatchers after the current transaction commits, or now when there is none. */
  void afterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wake();
        }
      });
    } else {
      wake();
    }
  }

  void wake() {
    if (permits.availablePermits() < 4) {
      permits.release();
    }
  }

  /** Waits for a wake-up or the timeout; returns early on either. */
  void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}
