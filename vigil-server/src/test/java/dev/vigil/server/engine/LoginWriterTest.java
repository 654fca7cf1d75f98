package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** The group-commit writer's failure handling and ordering, against an in-memory {@link LoginLog}. */
final class LoginWriterTest {
  private static final WriterSettings SETTINGS =
      new WriterSettings(100, 1000, Duration.ofSeconds(10), Duration.ofSeconds(2), 1000, 1000, 2);

  private final VigilEngine engine = VigilEngine.builder().build();
  private final FakeLog log = new FakeLog();
  private final LoginWriter writer = new LoginWriter(log, SETTINGS, 0);

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  @Test
  void holdsLoginsTheDatabaseCannotBeReachedForAndStoresThemInOrderOnceItIsBack() throws Exception {
    log.refuse = write -> true;
    log.refusal = () -> new DataAccessResourceFailureException("connection refused");
    PendingWrite first = pending("e-1");
    writer.submit(first);

    // Answered at once — not stored, so not acknowledged — but kept.
    assertThatThrownBy(() -> writer.await(List.of(first.answer())))
        .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
          assertThat(e.held()).isTrue();
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    PendingWrite second = pending("e-2");
    writer.submit(second);
    assertThatThrownBy(() -> writer.await(List.of(second.answer())))
        .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.held()).isTrue());
    assertThat(writer.heldLogins()).isEqualTo(2);
    assertThat(log.storedIds()).isEmpty();

    log.refuse = write -> false;
    CompletableFuture<Long> barrier = writer.barrier();
    assertThat(barrier.get(10, TimeUnit.SECONDS)).as("stored once the database answers").isPositive();
    assertThat(writer.heldLogins()).isZero();
    PendingWrite third = pending("e-3");
    writer.submit(third);
    assertThat(writer.await(List.of(third.answer())).getFirst().json()).isEqualTo(third.json());
    assertThat(log.storedIds()).containsExactly("e-1", "e-2", "e-3");
  }

  @Test
  void holdsABatchWhoseCommitFailedAsTheConnectionDied() throws Exception {
    log.refuse = write -> true;
    log.refusal = () -> new TransactionSystemException("Commit exception overridden by rollback exception");
    PendingWrite write = pending("e-1");
    writer.submit(write);
    assertThatThrownBy(() -> writer.await(List.of(write.answer())))
        .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.held()).isTrue());

    log.refuse = w -> false;
    writer.barrier().get(10, TimeUnit.SECONDS);
    assertThat(log.storedIds()).containsExactly("e-1");
  }

  @Test
  void failsLoginsBeyondTheHoldCapacityAndKeepsTheOthers() throws Exception {
    try (LoginWriter small = new LoginWriter(log,
        new WriterSettings(100, 1000, Duration.ofSeconds(10), Duration.ofMillis(200), 1000, 2, 1000), 0)) {
      log.refuse = write -> true;
      log.refusal = () -> new DataAccessResourceFailureException("connection refused");
      List<PendingWrite> writes = new ArrayList<>();
      for (String id : List.of("e-1", "e-2", "e-3")) {
        PendingWrite write = pending(id);
        writes.add(write);
        small.submit(write);
        assertThatThrownBy(() -> small.await(List.of(write.answer()))).isInstanceOf(StoreUnavailableException.class);
      }
      assertThat(small.heldLogins()).isEqualTo(2);
      log.refuse = write -> false;
      small.barrier().get(10, TimeUnit.SECONDS);
      assertThat(log.storedIds()).containsExactly("e-1", "e-2");
    }
  }

  @Test
  void failsOnlyTheLoginTheDatabaseRefusesWhenItSharesABatchWithOthers() throws Exception {
    log.refuse = write -> write.login().event().eventId().equals("e-bad");
    log.refusal = () -> new CannotAcquireLockException("refused row");
    List<PendingWrite> batch = new ArrayList<>();
    log.holdNext(); // so that all seven queue up and are drained as one batch
    for (String id : List.of("e-1", "e-2", "e-3", "e-bad", "e-5", "e-6", "e-7")) {
      PendingWrite write = pending(id);
      batch.add(write);
      writer.submit(write);
    }
    log.release();

    for (PendingWrite write : batch) {
      CompletableFuture<AssessedLogin> answer = write.answer();
      if (write.login().event().eventId().equals("e-bad")) {
        assertThatThrownBy(() -> writer.await(List.of(answer))).isInstanceOf(StoreUnavailableException.class);
      } else {
        assertThat(writer.await(List.of(answer))).hasSize(1);
      }
    }
    assertThat(log.storedIds()).containsExactly("e-1", "e-2", "e-3", "e-5", "e-6", "e-7");
  }

  @Test
  void completesABarrierAfterEveryLoginSubmittedBeforeItWithTheirLastSeq() {
    List<PendingWrite> writes = List.of(pending("e-1"), pending("e-2"), pending("e-3"));
    writes.forEach(writer::submit);

    long seq = writer.barrier().join();

    assertThat(log.storedIds()).containsExactly("e-1", "e-2", "e-3");
    assertThat(seq).isEqualTo(3);
  }

  @Test
  void refusesNewWorkAtOnceWhileAdmitBelowLoginsWaitAndAdmitsItAgainOnceTheyAreStored() throws Exception {
    log.holdNext();
    PendingWrite first = pending("e-1");
    writer.submit(first);
    awaitTrue(() -> log.appending); // the writer is stuck storing e-1
    PendingWrite second = pending("e-2");
    PendingWrite third = pending("e-3");
    writer.submit(second);
    writer.submit(third);

    assertThatThrownBy(writer::admit).isInstanceOfSatisfying(StoreUnavailableException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    log.release();
    writer.await(List.of(first.answer(), second.answer(), third.answer()));
    writer.admit();
    assertThat(log.storedIds()).containsExactly("e-1", "e-2", "e-3");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void refusesWorkAfterClosingWithTheSameRetryableFailure() {
    writer.close();
    PendingWrite late = pending("e-late");
    writer.submit(late);

    assertThatThrownBy(() -> writer.await(List.of(late.answer()))).isInstanceOf(StoreUnavailableException.class);
  }

  private PendingWrite pending(String eventId) {
    LoginEvent event = LoginEvent.of(eventId, "acme", "alice", Instant.parse("2026-11-01T08:00:00Z"),
        Outcome.SUCCESS, IpAddress.parse("192.0.2.1"));
    Assessment assessment = engine.assess(event);
    StoredLogin login = new StoredLogin(event, "0".repeat(64), "192.0.2.xxx", null, null, null,
        LoginEventWriter.toJson(event), Instant.parse("2026-11-01T08:00:01Z"));
    return new PendingWrite(login, assessment, AssessmentJson.toJson(assessment), new CompletableFuture<>());
  }

  /** Stores in memory, numbering rows like {@code seq}; refuses whole batches that hold a refused write. */
  private static final class FakeLog implements LoginLog {
    volatile Predicate<PendingWrite> refuse = write -> false;
    volatile java.util.function.Supplier<RuntimeException> refusal = () -> new IllegalStateException("refused");
    private final List<String> stored = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean appending;

    void holdNext() {
      gate = new CountDownLatch(1);
    }

    void release() {
      gate.countDown();
    }

    synchronized List<String> storedIds() {
      return List.copyOf(stored);
    }

    @Override
    public Appended append(List<PendingWrite> batch) {
      appending = true;
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (batch.stream().anyMatch(refuse)) {
        throw refusal.get();
      }
      synchronized (this) {
        List<AssessedLogin> answers = new ArrayList<>();
        for (PendingWrite write : batch) {
          stored.add(write.login().event().eventId());
          answers.add(new AssessedLogin(write.json(), write.assessment(), Optional.empty()));
        }
        return new Appended(answers, stored.size());
      }
    }
  }
}
