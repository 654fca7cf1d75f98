package dev.vigil.server.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Group commit: one thread drains the assessed logins in the order the engine saw them and stores whatever has
 * queued up since its last commit in one transaction, then completes each request's answer. Under load a
 * transaction carries hundreds of logins for the price of one commit (one WAL flush); when idle a login is
 * written alone at once, so nobody waits for a batch to fill.
 *
 * <p>One writer keeps {@code login_events.seq} in engine order, which is what a restart replays in. A failed batch
 * fails its requests with {@link StoreUnavailableException} (503, retry) and the writer goes on with the next one.
 * A batch that fails for a reason other than the connection is split in halves and retried, so one row the
 * database refuses fails only its own request and not its neighbours'.
 *
 * <p>Barriers ({@link #barrier}) complete, with the largest {@code seq} stored so far, once everything queued before
 * them is stored: that is how a snapshot learns which events it includes.
 */
final class LoginWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoginWriter.class);
  private static final long POLL_MILLIS = 100;

  private final LoginLog log;
  private final BlockingQueue<Work> queue;
  private final int maxBatch;
  private final Duration retryAfter;
  private final Duration commitTimeout;
  private final Thread thread;
  private volatile boolean closed;
  /** Written and read by the writer thread only. */
  private long lastSeq;

  LoginWriter(LoginLog log, WriterSettings settings, long lastSeq) {
    this.log = log;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.maxBatch = settings.maxBatch();
    this.retryAfter = settings.retryAfter();
    this.commitTimeout = settings.commitTimeout();
    this.lastSeq = lastSeq;
    this.thread = Thread.ofPlatform().name("vigil-login-writer").daemon(true).unstarted(this::run);
    thread.start();
  }

  /**
   * Queues an assessed login. Callers call it in engine order (under the engine lock); it blocks while the queue
   * is full, which slows the engine down to what the database takes.
   */
  void submit(PendingWrite write) {
    enqueue(new Work.Login(write), write.answer());
  }

  /**
   * Completes with the largest {@code seq} stored once every login submitted before it has been written (or has
   * failed). Whatever depends on it should not run on the writer thread (use an async stage).
   */
  CompletableFuture<Long> barrier() {
    CompletableFuture<Long> done = new CompletableFuture<>();
    enqueue(new Work.Barrier(done), done);
    return done;
  }

  /**
   * Waits until every answer is stored, at most {@code commitTimeout} in all.
   *
   * @throws StoreUnavailableException when any of them failed or did not commit in time
   */
  List<AssessedLogin> await(List<CompletableFuture<AssessedLogin>> answers) {
    long deadline = System.nanoTime() + commitTimeout.toNanos();
    List<AssessedLogin> stored = new ArrayList<>(answers.size());
    try {
      for (CompletableFuture<AssessedLogin> answer : answers) {
        stored.add(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreUnavailableException unavailable) {
        throw unavailable;
      }
      throw new StoreUnavailableException("the login could not be stored", retryAfter, e.getCause());
    } catch (TimeoutException e) {
      throw new StoreUnavailableException("the login was not stored within " + commitTimeout, retryAfter, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for the database", retryAfter, e);
    }
    return stored;
  }

  private void enqueue(Work work, CompletableFuture<?> answer) {
    if (closed) {
      answer.completeExceptionally(new StoreUnavailableException("the server is shutting down", retryAfter));
      return;
    }
    try {
      queue.put(work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.completeExceptionally(new StoreUnavailableException("interrupted while queueing", retryAfter, e));
    }
  }

  /** Stops taking work, stores what is queued, and waits for the writer thread (at most {@code timeout}). */
  void close(Duration timeout) {
    closed = true;
    try {
      thread.join(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Work> left = new ArrayList<>();
    queue.drainTo(left);
    for (Work work : left) {
      work.fail(new StoreUnavailableException("the server shut down before storing it", retryAfter));
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void run() {
    List<Work> drained = new ArrayList<>(maxBatch);
    while (true) {
      try {
        Work first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed) {
            return;
          }
          continue;
        }
        drained.add(first);
        queue.drainTo(drained, maxBatch - 1);
        process(drained);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // Never let the one writer die: whatever was drained has been answered or is failed here.
        LOG.error("login writer failure; failing {} queued items and going on", drained.size(), e);
        drained.forEach(work -> work.fail(new StoreUnavailableException("storing failed", retryAfter, e)));
      } finally {
        drained.clear();
      }
    }
  }

  private void process(List<Work> drained) {
    List<PendingWrite> logins = new ArrayList<>(drained.size());
    for (Work work : drained) {
      switch (work) {
        case Work.Login login -> logins.add(login.write());
        case Work.Barrier barrier -> {
          write(logins);
          logins.clear();
          barrier.run(lastSeq);
        }
      }
    }
    write(logins);
  }

  private void write(List<PendingWrite> batch) {
    if (batch.isEmpty()) {
      return;
    }
    LoginLog.Appended appended;
    try {
      appended = log.append(batch);
    } catch (RuntimeException e) {
      if (batch.size() > 1 && !isConnectionFailure(e)) {
        int half = batch.size() / 2;
        write(batch.subList(0, half));
        write(batch.subList(half, batch.size()));
        return;
      }
      LOG.warn("storing {} login(s) failed ({}, SQLState {}); answering 503", batch.size(),
          e.getClass().getSimpleName(), sqlState(e));
      StoreUnavailableException failure = new StoreUnavailableException("the login could not be stored",
          retryAfter, e);
      batch.forEach(write -> write.answer().completeExceptionally(failure));
      return;
    }
    lastSeq = Math.max(lastSeq, appended.lastSeq());
    LOG.debug("stored a batch of {} login(s)", batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(appended.answers().get(i));
    }
  }

  /** The database cannot be reached: every smaller batch would fail the same way, so do not split. */
  private static boolean isConnectionFailure(Throwable e) {
    return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
        || e instanceof CannotCreateTransactionException;
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "none";
  }

  /** What the writer drains. */
  private sealed interface Work {
    void fail(Throwable failure);

    record Login(PendingWrite write) implements Work {
      @Override
      public void fail(Throwable failure) {
        write.answer().completeExceptionally(failure);
      }
    }

    record Barrier(CompletableFuture<Long> done) implements Work {
      void run(long lastSeq) {
        done.complete(lastSeq);
      }

      @Override
      public void fail(Throwable failure) {
        done.completeExceptionally(failure);
      }
    }
  }
}
