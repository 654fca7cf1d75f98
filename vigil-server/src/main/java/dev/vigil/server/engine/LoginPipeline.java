package dev.vigil.server.engine;

import dev.vigil.core.ProfileSummary;
import dev.vigil.core.TenantSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The one way a login reaches the engine, whoever sends it (engine API, batch ingest, built-in login service,
 * adapters, the demo loader). Assesses each (tenant, eventId) at most once: a stored assessment is returned as it
 * was first written, across restarts; otherwise the engine assesses the event, and the event, its assessment and
 * its alert are stored in one transaction before the answer leaves.
 *
 * <p><b>Idempotency.</b> A new eventId is recognised without the database by {@link KnownEvents}, a filter of every
 * stored key; only a possible repeat is looked up. Rows written behind the pipeline's back (not through it) are
 * therefore not recognised before the engine sees them; the store still keeps and returns their first assessment.
 *
 * <p><b>Concurrency.</b> The engine is single-threaded, so one lock guards it, held only for {@code assess} and for
 * handing the result to the {@link LoginWriter} (microseconds): the writer's queue is therefore in engine order.
 * The writer stores logins in group commits and completes each answer after its commit; the request thread waits
 * for that without holding the lock, so many requests share one transaction. Two concurrent requests with the same
 * eventId both reach the engine, which remembers recent eventIds and gives the second the first's assessment
 * without learning twice; the store keeps the first row ({@code ON CONFLICT DO NOTHING}) and answers the second as
 * a repeat with the stored JSON.
 *
 * <p><b>Failures.</b> When storing fails, the request gets {@link StoreUnavailableException} (503). The engine has
 * already learned the event, but it also remembers the assessment by eventId: a retry gets the same verdict
 * without teaching the profile twice, and stores it.
 *
 * <p><b>Restarts.</b> The engine is snapshotted into PostgreSQL ({@link EngineSnapshots}: every N events or M
 * minutes, and at shutdown) and rebuilt at start from the newest snapshot plus the events after it
 * ({@link EngineRecovery}). Confirmations ({@link #confirm}) are not events: one made after the last snapshot is
 * lost by a crash (a graceful shutdown keeps it).
 *
 * <p>Six collaborators, one over the usual bound: each is one step of the pipeline (parse, look up, redact, assess,
 * store, snapshot), and splitting them further would only move the ordering rule above away from its reason.
 */
@Service
public final class LoginPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(LoginPipeline.class);
  /** A batch releases the lock this often, so that single logins are not stuck behind a 10,000-event batch. */
  private static final int EVENTS_PER_LOCK = 256;
  private static final Duration SHUTDOWN_SNAPSHOT_TIMEOUT = Duration.ofMinutes(1);

  private final ReentrantLock engineLock = new ReentrantLock();
  private final VigilEngine engine;
  private final LoginEventReader reader;
  private final LoginStore store;
  private final LoginWriter writer;
  private final EngineSnapshots snapshots;
  private final LoginRedactor redactor;
  private final KnownEvents known;
  private final AtomicBoolean snapshotting = new AtomicBoolean();
  /** Assessments and confirmations since the last snapshot; guarded by {@link #engineLock}. */
  private long changesSinceSnapshot;

  LoginPipeline(RecoveredEngine recovered, LoginEventReader reader, LoginStore store, LoginWriter writer,
      EngineSnapshots snapshots, LoginRedactor redactor) {
    this.engine = recovered.engine();
    this.known = recovered.known();
    this.changesSinceSnapshot = recovered.replayed();
    this.reader = reader;
    this.store = store;
    this.writer = writer;
    this.snapshots = snapshots;
    this.redactor = redactor;
  }

  /**
   * Parses and assesses the event in {@code body}.
   *
   * @throws dev.vigil.core.event.InvalidEventException when the body is not a valid login event
   * @throws StoreUnavailableException when it could not be stored; nothing was acknowledged
   */
  public AssessedLogin assess(byte[] body) {
    return assess(reader.read(body, 0, body.length));
  }

  /**
   * Assesses an event built in this process (the login service's own attempts).
   *
   * @throws StoreUnavailableException when it could not be stored; nothing was acknowledged
   */
  public AssessedLogin assess(LoginEvent event) {
    return assessAll(List.of(event)).getFirst();
  }

  /**
   * Assesses events in order and returns once all of them are stored (a few transactions for a large batch).
   *
   * @return one answer per event, in order; a repeated eventId (stored before, or earlier in this list) is
   *     answered with the first assessment and {@link AssessedLogin#repeated()}
   * @throws StoreUnavailableException when any could not be stored; the others are stored, and sending them all
   *     again is safe; or at once, before any is assessed, when the writer is too far behind (admission control,
   *     {@link WriterSettings#admitBelow})
   * @throws dev.vigil.core.event.InvalidEventException when an event holds text PostgreSQL cannot store
   *     ({@link StorableText}); then none is assessed
   */
  public List<AssessedLogin> assessAll(List<LoginEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    events.forEach(StorableText::require);
    writer.admit();
    Map<String, String> stored = lookUpRepeats(events);
    List<CompletableFuture<AssessedLogin>> answers = new ArrayList<>(events.size());
    List<StoredLogin> fresh = new ArrayList<>(events.size());
    List<CompletableFuture<AssessedLogin>> freshAnswers = new ArrayList<>(events.size());
    for (LoginEvent event : events) {
      String earlier = stored.isEmpty() ? null : stored.get(LoginStore.key(event.tenantId(), event.eventId()));
      if (earlier != null) {
        LOG.debug("event {} of tenant {} already assessed; returning the stored assessment",
            event.eventId(), event.tenantId());
        answers.add(CompletableFuture.completedFuture(new AssessedLogin(earlier, null, Optional.empty())));
      } else {
        CompletableFuture<AssessedLogin> answer = new CompletableFuture<>();
        fresh.add(redactor.redact(event));
        freshAnswers.add(answer);
        answers.add(answer);
      }
    }
    for (int from = 0; from < fresh.size(); from += EVENTS_PER_LOCK) {
      int to = Math.min(fresh.size(), from + EVENTS_PER_LOCK);
      boolean snapshotDue;
      engineLock.lock();
      try {
        for (int i = from; i < to; i++) {
          StoredLogin login = fresh.get(i);
          Assessment assessment = engine.assess(login.event());
          known.add(assessment.tenantId(), assessment.eventId());
          writer.submit(new PendingWrite(login, assessment, AssessmentJson.toJson(assessment), freshAnswers.get(i)));
          LOG.debug("assessed event {} of tenant {}: {} (score {}, signals {})", assessment.eventId(),
              assessment.tenantId(), assessment.decision(), assessment.score(), assessment.signalTypes());
        }
        changesSinceSnapshot += to - from;
        snapshotDue = snapshots.due(changesSinceSnapshot);
      } finally {
        engineLock.unlock();
      }
      if (snapshotDue) {
        snapshotInBackground();
      }
    }
    return writer.await(answers);
  }

  /**
   * The fail-open form of {@link #assess(LoginEvent)} ({@code vigil.assess.on-store-failure=fail-open}): never fails
   * because of the database. When the login is not committed within {@code waitAtMost} — the database is down or
   * slow — the answer is the engine's assessment marked not stored; the writer still stores it when the database
   * answers (held in memory, see {@link LoginWriter}), unless the server stops first. When the database cannot even
   * tell whether the eventId was stored before, the answer is ALLOW without an assessment.
   *
   * @throws dev.vigil.core.event.InvalidEventException when the event holds text PostgreSQL cannot store
   */
  public FailOpenAnswer assessFailOpen(LoginEvent event, Duration waitAtMost) {
    StorableText.require(event);
    Map<String, String> stored;
    try {
      stored = lookUpRepeats(List.of(event));
    } catch (StoreUnavailableException e) {
      return FailOpenAnswer.unassessed(event);
    }
    String earlier = stored.get(LoginStore.key(event.tenantId(), event.eventId()));
    if (earlier != null) {
      return FailOpenAnswer.stored(earlier);
    }
    StoredLogin login = redactor.redact(event);
    CompletableFuture<AssessedLogin> answer = new CompletableFuture<>();
    String json;
    boolean snapshotDue;
    engineLock.lock();
    try {
      Assessment assessment = engine.assess(login.event());
      known.add(assessment.tenantId(), assessment.eventId());
      json = AssessmentJson.toJson(assessment);
      writer.submit(new PendingWrite(login, assessment, json, answer));
      changesSinceSnapshot++;
      snapshotDue = snapshots.due(changesSinceSnapshot);
    } finally {
      engineLock.unlock();
    }
    if (snapshotDue) {
      snapshotInBackground();
    }
    try {
      return FailOpenAnswer.stored(answer.get(waitAtMost.toMillis(), TimeUnit.MILLISECONDS).json());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FailOpenAnswer.notStored(json);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("event {} of tenant {} answered fail-open, not stored ({})", event.eventId(), event.tenantId(),
          e.getClass().getSimpleName());
      return FailOpenAnswer.notStored(json);
    }
  }

  /** How many assessed logins wait in memory for the database to come back (health). */
  public int heldLogins() {
    return writer.heldLogins();
  }

  /** The stored assessments of those events that may repeat a stored one. */
  private Map<String, String> lookUpRepeats(List<LoginEvent> events) {
    try {
      return store.findAssessments(maybeStored(events));
    } catch (DataAccessException e) {
      throw new StoreUnavailableException("whether the event was assessed before could not be looked up",
          writer.retryAfter(), e);
    }
  }

  /** The events that may have been stored before: only those cost a database look-up. */
  private List<LoginEvent> maybeStored(List<LoginEvent> events) {
    List<LoginEvent> maybe = new ArrayList<>();
    for (LoginEvent event : events) {
      if (known.mightContain(event.tenantId(), event.eventId())) {
        maybe.add(event);
      }
    }
    return maybe;
  }

  /** What the engine knows of a user now; empty when it has never seen them. */
  public Optional<ProfileSummary> profileSummary(String tenantId, String userId) {
    engineLock.lock();
    try {
      return engine.profileSummary(tenantId, userId);
    } finally {
      engineLock.unlock();
    }
  }

  /**
   * Runs one tenant on new settings from the next login on (runtime flags: detectors switched off, monitor mode).
   * Profiles are kept.
   */
  public void updateTenant(String tenantId, TenantSettings settings) {
    engineLock.lock();
    try {
      engine.updateTenant(tenantId, settings);
    } finally {
      engineLock.unlock();
    }
  }

  /**
   * Tells the engine that a login was really the user (a passed second factor, a "yes, it was me", an analyst's
   * false-positive verdict), so the profile learns it fully.
   *
   * @return whether the engine still remembered that login
   */
  public boolean confirm(String tenantId, String eventId) {
    engineLock.lock();
    try {
      boolean learned = engine.confirm(tenantId, eventId);
      if (learned) {
        changesSinceSnapshot++;
      }
      return learned;
    } finally {
      engineLock.unlock();
    }
  }

  /**
   * Snapshots the engine now; the snapshot is stored once every login assessed before it is stored.
   *
   * @return completes with the {@code seq} of the last event the snapshot includes, once it is stored
   */
  public CompletableFuture<Long> snapshot() {
    engineLock.lock();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      engine.writeSnapshot(out);
      changesSinceSnapshot = 0;
      snapshots.taken();
      return snapshots.store(writer.barrier(), out.toByteArray(), known.toBytes(), engine.profileCount());
    } catch (IOException e) {
      throw new UncheckedIOException("writing a snapshot to memory failed", e);
    } finally {
      engineLock.unlock();
    }
  }

  private void snapshotInBackground() {
    if (!snapshotting.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual().name("vigil-snapshot").start(() -> {
      try {
        snapshot().join();
      } catch (RuntimeException e) {
        LOG.warn("storing an engine snapshot failed ({}); the next one is due after the same interval",
            e.getClass().getSimpleName());
      } finally {
        snapshotting.set(false);
      }
    });
  }

  /** A graceful shutdown snapshots what changed since the last snapshot, so the next start replays nothing. */
  @PreDestroy
  void close() {
    boolean changed;
    engineLock.lock();
    try {
      changed = changesSinceSnapshot > 0;
    } finally {
      engineLock.unlock();
    }
    if (!changed) {
      return;
    }
    try {
      snapshot().get(SHUTDOWN_SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("the shutdown snapshot was not stored ({}); the next start replays the events since the last one",
          e.getClass().getSimpleName());
    }
  }
}
