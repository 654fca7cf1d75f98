package dev.vigil.keycloak;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Ships login records to Vigil off the login thread: a bounded queue drained by one daemon thread. A login only
 * ever pays for {@link BlockingQueue#offer}; when Vigil is slow or down the queue fills and further records are
 * dropped and counted (a WARN on the first drop and every 1,000th after), so Keycloak's memory and its logins are
 * never at Vigil's mercy. A record Vigil refuses or cannot take is dropped too (counted as failed): replaying it
 * later would feed the engine stale event times out of order.
 */
final class EventShipper {
  private static final Logger LOG = Logger.getLogger(EventShipper.class);

  private final BlockingQueue<LoginRecord> queue;
  private final VigilClient client;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final Thread worker;
  private volatile boolean running = true;

  EventShipper(VigilClient client, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1: " + capacity);
    }
    this.client = client;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::drain, "vigil-event-shipper");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a record; never blocks. */
  void offer(LoginRecord login) {
    if (!queue.offer(login)) {
      long count = dropped.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        LOG.warnf("Vigil event queue is full: %d login event(s) dropped so far (Vigil slow or unreachable?)", count);
      }
    }
  }

  long dropped() {
    return dropped.get();
  }

  long failed() {
    return failed.get();
  }

  long sent() {
    return sent.get();
  }

  private void drain() {
    while (running || !queue.isEmpty()) {
      LoginRecord login;
      try {
        login = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (login == null) {
        continue;
      }
      try {
        client.record(login);
        sent.incrementAndGet();
      } catch (VigilUnavailableException e) {
        long count = failed.incrementAndGet();
        if (count == 1 || count % 100 == 0) {
          LOG.warnf("Vigil did not take login event %s (%s); %d failed so far", login.eventId(), e.getMessage(),
              count);
        }
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        LOG.errorf("unexpected error shipping login event %s: %s", login.eventId(), e.getClass().getName());
      }
    }
  }

  /** Stops taking records and gives the worker a moment to send what is queued. */
  void close() {
    running = false;
    try {
      worker.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
  }
}
