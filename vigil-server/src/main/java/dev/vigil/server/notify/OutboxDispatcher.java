package dev.vigil.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. One {@link #dispatchOnce()} claims a batch of due messages in a transaction
 * ({@code FOR UPDATE SKIP LOCKED}), sends them concurrently on virtual threads while holding their locks, writes
 * each outcome and commits. Another dispatcher — a second worker, a second instance — skips the locked rows, so
 * a message is sent by one dispatcher at a time; should this process die mid-send, the transaction rolls back and
 * another dispatcher sends the message again (at least once: webhook receivers deduplicate on
 * {@code Vigil-Delivery-Id}).
 *
 * <p>Failures are retried with exponential back-off and jitter until {@code max-attempts} or {@code max-age},
 * then the message is a dead letter an admin can retry. A destination failing repeatedly trips its
 * {@link CircuitBreaker}: its messages are postponed without using up attempts.
 *
 * <p>Threads: {@link NotifyScheduler} runs the loops; tests call {@link #dispatchOnce()} directly with a clock
 * they control.
 */
@Component
public final class OutboxDispatcher implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final Outbox outbox;
  private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
  private final NotificationPreferences preferences;
  private final NotifyMetrics metrics;
  private final NotifySettings settings;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Backoff backoff;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();

  OutboxDispatcher(Outbox outbox, List<Sender> senders, NotificationPreferences preferences, NotifyMetrics metrics,
      NotifySettings settings, Clock clock, PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.preferences = preferences;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    // The locks are held while sending: a transaction never outlives its slowest send by much.
    this.transactions.setTimeout((int) settings.dispatch().sendTimeout().multipliedBy(3).toSeconds() + 5);
    this.backoff = new Backoff(settings.dispatch().initialBackoff(), settings.dispatch().maxBackoff(),
        RandomGenerator.getDefault());
  }

  /**
   * Claims one batch of due messages, sends them and records the outcomes.
   *
   * @return how many messages were claimed (0: nothing was due)
   */
  public int dispatchOnce() {
    Integer claimed = transactions.execute(status -> {
      Instant now = clock.instant();
      List<OutboxMessage> batch = outbox.claimDue(now, settings.dispatch().batchSize());
      List<Attempt> attempts = new ArrayList<>(batch.size());
      for (OutboxMessage message : batch) {
        start(message, now).ifPresent(attempts::add);
      }
      for (Attempt attempt : attempts) {
        record(attempt.message(), attempt.breaker(), await(attempt.result()));
      }
      return batch.size();
    });
    return claimed == null ? 0 : claimed;
  }

  /** Dispatches until nothing is due now; returns how many messages were claimed in all. */
  public int drain() {
    int total = 0;
    for (int claimed = dispatchOnce(); claimed > 0; claimed = dispatchOnce()) {
      total += claimed;
    }
    return total;
  }

  /** Whether the breaker of a channel's default destination is open now (for tests and the admin view). */
  boolean breakerOpen(String tenantId, Channel channel) {
    CircuitBreaker breaker = breakers.get(settings.destinationOf(tenantId, channel));
    return breaker != null && breaker.open(clock.instant());
  }

  /** Settles what needs no send; starts the send of the rest. */
  private Optional<Attempt> start(OutboxMessage message, Instant now) {
    if (!now.isBefore(message.expiresAt())) {
      outbox.dead(message.id(), false, "expired: not delivered within " + settings.dispatch().maxAge());
      metrics.outcome(message.channel(), "dead");
      return Optional.empty();
    }
    if (message.topic() != null && message.userId() != null
        && !preferences.wants(message.tenantId(), message.userId(), message.topic())) {
      outbox.skipped(message.id(), "the user switched off " + message.topic().column());
      metrics.outcome(message.channel(), "skipped");
      return Optional.empty();
    }
    CircuitBreaker breaker = breakers.computeIfAbsent(settings.destinationOf(message.tenantId(), message.channel()),
        key -> new CircuitBreaker(settings.breaker().failureThreshold(), settings.breaker().openFor()));
    Optional<Instant> refusedUntil = breaker.refusalUntil(now);
    if (refusedUntil.isPresent()) {
      outbox.postpone(message.id(), refusedUntil.get());
      return Optional.empty();
    }
    Sender sender = senders.get(message.channel());
    return Optional.of(new Attempt(message, breaker, sends.submit(() -> sendSafely(sender, message))));
  }

  private static Delivery sendSafely(Sender sender, OutboxMessage message) {
    try {
      return sender.send(message);
    } catch (RuntimeException e) {
      // A sender bug must not kill the batch; the type only, messages may quote what was sent.
      return new Delivery.Failed("unexpected " + e.getClass().getSimpleName());
    }
  }

  private Delivery await(Future<Delivery> result) {
    Duration timeout = settings.dispatch().sendTimeout().plusSeconds(1);
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return new Delivery.Failed("timed out after " + settings.dispatch().sendTimeout());
    } catch (ExecutionException e) {
      return new Delivery.Failed("unexpected " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      return new Delivery.Failed("interrupted by shutdown");
    }
  }

  private void record(OutboxMessage message, CircuitBreaker breaker, Delivery delivery) {
    Instant now = clock.instant();
    Channel channel = message.channel();
    switch (delivery) {
      case Delivery.Delivered d -> {
        breaker.succeeded();
        outbox.delivered(message.id(), now);
        metrics.delivered(channel, Duration.between(message.createdAt(), now));
        LOG.debug("delivered notification {} ({}, {})", message.id(), channel.column(), message.notice().kind());
      }
      case Delivery.Failed f -> {
        breaker.failed(now);
        int failures = message.attempts() + 1;
        Instant next = now.plus(backoff.after(failures));
        if (failures >= settings.dispatch().maxAttempts() || !next.isBefore(message.expiresAt())) {
          outbox.dead(message.id(), true, f.reason() + "; gave up after " + failures + " attempts");
          metrics.outcome(channel, "dead");
          LOG.warn("notification {} ({}) is a dead letter after {} attempts: {}", message.id(), channel.column(),
              failures, f.reason());
        } else {
          outbox.failed(message.id(), next, f.reason());
          metrics.outcome(channel, "failed");
          LOG.debug("notification {} ({}) failed, attempt {}: {}", message.id(), channel.column(), failures,
              f.reason());
        }
      }
      case Delivery.Undeliverable u -> {
        outbox.dead(message.id(), true, u.reason());
        metrics.outcome(channel, "dead");
        LOG.warn("notification {} ({}) cannot be delivered: {}", message.id(), channel.column(), u.reason());
      }
      case Delivery.Skipped s -> {
        outbox.skipped(message.id(), s.reason());
        metrics.outcome(channel, "skipped");
      }
    }
  }

  @Override
  public void destroy() {
    sends.shutdownNow();
  }

  private record Attempt(OutboxMessage message, CircuitBreaker breaker, Future<Delivery> result) {}
}
