package dev.vigil.server.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the background work when {@code vigil.notify.background} is on: {@code dispatch.workers} dispatcher loops
 * on virtual threads (each dispatches until nothing is due, then waits for a commit's wake-up or the poll
 * interval), the digest every {@code digest.interval} and escalation every {@code escalation.check-interval}.
 *
 * <p>Stopping lets each loop finish the batch it holds (sends complete, outcomes commit), so a rolling restart
 * neither loses nor repeats a message; a killed process rolls its batch back for another instance to send.
 */
@Component
final class NotifyScheduler implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyScheduler.class);

  private final OutboxDispatcher dispatcher;
  private final AlertDigester digester;
  private final AlertEscalator escalator;
  private final DispatchSignal signal;
  private final NotifySettings settings;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private ScheduledExecutorService timers;

  NotifyScheduler(OutboxDispatcher dispatcher, AlertDigester digester, AlertEscalator escalator,
      DispatchSignal signal, NotifySettings settings) {
    this.dispatcher = dispatcher;
    this.digester = digester;
    this.escalator = escalator;
    this.signal = signal;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    if (running || !settings.background()) {
      return;
    }
    running = true;
    for (int i = 0; i < settings.dispatch().workers(); i++) {
      workers.add(Thread.ofVirtual().name("vigil-notify-" + i).start(this::dispatchLoop));
    }
    timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("vigil-notify-timer").factory());
    every(settings.digest().interval(), digester::sendDigests, "digest");
    every(settings.escalation().checkInterval(), escalator::escalate, "escalation");
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    timers.shutdownNow();
    workers.forEach(w -> signal.wake());
    Duration grace = settings.dispatch().sendTimeout().multipliedBy(2);
    for (Thread worker : workers) {
      try {
        if (!worker.join(grace)) {
          worker.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server and the data source go away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private void dispatchLoop() {
    while (running) {
      try {
        if (dispatcher.dispatchOnce() == 0) {
          signal.await(settings.dispatch().pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("notification dispatch failed ({}); retrying", e.getClass().getSimpleName());
        pause();
      }
    }
  }

  private void every(Duration interval, Runnable task, String name) {
    timers.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("notification {} failed ({}); retrying next time", name, e.getClass().getSimpleName());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pause() {
    try {
      Thread.sleep(settings.dispatch().pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
