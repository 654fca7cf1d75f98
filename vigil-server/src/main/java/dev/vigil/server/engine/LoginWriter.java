package dev.vigil.server.engine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
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
import org.springframework.transaction.TransactionSystemException;

/**
 * Group commit: one thread drains the assessed logins in the order the engine saw them and stores whatever has
 * queued up since its last commit in one transaction, then completes each request's answer. Under load a
 * transaction carries hundreds of logins for the price of one commit (one WAL flush); when idle a login is
 * written alone at once, so nobody waits for a batch to fill.
 *
 * <p>One writer keeps {@code login_events.seq} in engine order, which is what a restart replays in. A batch that
 * fails for a reason other than the connection is split in halves and retried, so one row the database refuses
 * fails only its own request (503) and not its neighbours'.
 *
 * <p><b>Database outage.</b> A batch that fails because the database cannot be reached is <em>held</em>: kept in
 * memory, in order, and written as soon as the database answers again (tried every {@code retryAfter}); everything
 * queued meanwhile is held behind it, so {@code seq} stays in engine order. The engine has already learned these
 * logins, so storing them later keeps the stored events — what a restart replays — in step with the profiles.
 * Their requests are answered at once with a {@link StoreUnavailableException} that says so ({@link
 * StoreUnavailableException#held()}); they were not acknowledged as stored, and a process that dies before the
 * database is back loses them. At most {@code holdCapacity} logins are held; beyond that a login's request fails
 * and the login is not kept.
 *
 * <p>Barriers ({@link #barrier}) complete, with the largest {@code seq} stored so far, once everything queued before
 * them is stored: that is how a snapshot learns which events it includes.
 */
final class LoginWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoginWriter.class);
  private static final long POLL_MILLIS = 100;
  /** SQLState classes of a lost or refused connection: 08 connection exception, 57P operator intervention. */
  private static final List<String> CONNECTION_STATES = List.of("08", "57P", "53300");

  private final LoginLog log;
  private final BlockingQueue<Work> queue;
  private final int maxBatch;
  private final Duration retryAfter;
  private final Duration commitTimeout;
  private final int holdCapacity;
  private final int admitBelow;
  private final Thread thread;
  private volatile boolean closed;
  /** Written and read by the writer thread only. */
  private long lastSeq;
  /** Work waiting for the database to come back, in order; touched by the writer thread only. */
  private final ArrayDeque<Work> held = new ArrayDeque<>();
  /** How many logins are held, for health and the fail-open answer. */
  private volatile int heldLogins;
  /** Whether {@link #processInOrder} is writing held work (writer thread only). */
  private boolean drainingHeld;
  private long droppedInOutage;

  LoginWriter(LoginLog log, WriterSettings settings, long lastSeq) {
    this.log = log;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.maxBatch = settings.maxBatch();
    this.retryAfter = settings.retryAfter();
    this.commitTimeout = settings.commitTimeout();
    this.holdCapacity = settings.holdCapacity();
    this.admitBelow = settings.admitBelow();
    this.lastSeq = lastSeq;
    this.thread = Thread.ofPlatform().name("vigil-login-writer").daemon(true).unstarted(this::run);
    thread.start();
  }

  /**
   * Admission control: refuses new work at once while {@code admitBelow} or more logins wait to be stored. Checked
   * before the engine sees a request, so a refused login is neither learned nor stored.
   *
   * @throws StoreUnavailableException (503 with {@code Retry-After}) when the writer is that far behind
   */
  void admit() {
    int waiting = queue.size();
    if (waiting >= admitBelow) {
      throw new StoreUnavailableException("the server is " + waiting + " logins behind storing", retryAfter);
    }
  }

  /** Logins (and barriers) waiting for the writer thread. */
  int queued() {
    return queue.size();
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

  Duration retryAfter() {
    return retryAfter;
  }

  /** Logins waiting for the database to come back: positive only during an outage. */
  int heldLogins() {
    return heldLogins;
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
    List<Work> left = new ArrayList<>(held);
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
        if (!held.isEmpty()) {
          retryHeld();
          continue;
        }
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
    int done = processInOrder(drained);
    if (done < drained.size()) {
      hold(drained.subList(done, drained.size()));
    }
  }

  /**
   * Writes {@code works} in order, barrier by barrier.
   *
   * @return how many were done; fewer than all when the database could not be reached, and then the rest (from
   *     the first login of the failed batch on) is untouched
   */
  private int processInOrder(List<Work> works) {
    List<PendingWrite> logins = new ArrayList<>(works.size());
    int segmentStart = 0;
    for (int i = 0; i < works.size(); i++) {
      switch (works.get(i)) {
        case Work.Login login -> logins.add(login.write());
        case Work.Barrier barrier -> {
          if (!write(logins)) {
            return segmentStart;
          }
          if (drainingHeld) {
            // A barrier's caller may read heldLogins at once (health, tests): count the stored ones out first.
            heldLogins = Math.max(0, heldLogins - logins.size());
          }
          logins.clear();
          barrier.run(lastSeq);
          segmentStart = i + 1;
        }
      }
    }
    return write(logins) ? works.size() : segmentStart;
  }

  /** The database is unreachable: keep {@code works} in order and answer their requests now. */
  private void hold(List<Work> works) {
    boolean outageStarts = held.isEmpty();
    int count = 0;
    for (Work work : works) {
      if (work instanceof Work.Login login && heldLogins >= holdCapacity) {
        droppedInOutage++;
        login.fail(new StoreUnavailableException("the database is unavailable and " + holdCapacity
            + " logins are already waiting for it", retryAfter));
        continue;
      }
      held.addLast(work);
      if (work instanceof Work.Login login) {
        heldLogins++;
        count++;
        login.fail(StoreUnavailableException.held(retryAfter));
      }
    }
    if (outageStarts) {
      LOG.warn("the database cannot be reached: holding {} login(s) in memory until it answers again "
          + "(at most {})", count, holdCapacity);
    }
  }

  /**
   * During an outage: moves newly queued work behind the held work, then tries to write the oldest held batch.
   * Waits {@code retryAfter} after a failed try.
   */
  private void retryHeld() throws InterruptedException {
    List<Work> incoming = new ArrayList<>();
    queue.drainTo(incoming);
    hold(incoming);
    List<Work> chunk = new ArrayList<>(maxBatch);
    for (int logins = 0; !held.isEmpty() && logins < maxBatch; ) {
      Work work = held.pollFirst();
      chunk.add(work);
      if (work instanceof Work.Login) {
        logins++;
      }
    }
    drainingHeld = true;
    int done;
    try {
      done = processInOrder(chunk);
    } finally {
      drainingHeld = false;
    }
    for (int i = chunk.size() - 1; i >= done; i--) {
      held.addFirst(chunk.get(i));
    }
    heldLogins = (int) held.stream().filter(Work.Login.class::isInstance).count();
    if (done < chunk.size()) {
      // Wait before the next try, but answer what arrives meanwhile at once.
      long until = System.nanoTime() + retryAfter.toNanos();
      for (long left; (left = until - System.nanoTime()) > 0 && !closed; ) {
        Work work = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
        if (work != null) {
          hold(List.of(work));
        }
      }
      return;
    }
    if (held.isEmpty()) {
      LOG.info("the database answers again: every held login is stored ({} could not be held)", droppedInOutage);
      droppedInOutage = 0;
    }
  }

  /**
   * Stores {@code batch}, completing each answer.
   *
   * @return false when the database could not be reached: nothing was stored or answered
   */
  private boolean write(List<PendingWrite> batch) {
    if (batch.isEmpty()) {
      return true;
    }
    LoginLog.Appended appended;
    try {
      appended = log.append(batch);
    } catch (RuntimeException e) {
      if (isConnectionFailure(e)) {
        LOG.debug("storing {} login(s) failed: the database cannot be reached ({}, SQLState {})", batch.size(),
            e.getClass().getSimpleName(), sqlState(e));
        return false;
      }
      if (batch.size() > 1) {
        int half = batch.size() / 2;
        // A connection lost between the halves holds the rest: the first half's answers are complete by then.
        return write(batch.subList(0, half)) && write(batch.subList(half, batch.size()));
      }
      LOG.warn("storing {} login(s) failed ({}, SQLState {}); answering 503", batch.size(),
          e.getClass().getSimpleName(), sqlState(e));
      StoreUnavailableException failure = new StoreUnavailableException("the login could not be stored",
          retryAfter, e);
      batch.forEach(write -> write.answer().completeExceptionally(failure));
      return true;
    }
    lastSeq = Math.max(lastSeq, appended.lastSeq());
    LOG.debug("stored a batch of {} login(s)", batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(appended.answers().get(i));
    }
    return true;
  }

  /**
   * The database cannot be reached (connection refused or lost, server shutting down, too many connections), or a
   * commit or rollback failed — whether the commit happened is then unknown, and writing again is safe since a
   * stored login is not stored twice: every smaller batch would fail the same way, so hold rather than split.
   */
  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransactionSystemException) {
        // "Commit exception overridden by rollback exception": the connection died during the commit.
        return true;
      }
      if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
          || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && CONNECTION_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
        return true;
      }
    }
    return false;
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
