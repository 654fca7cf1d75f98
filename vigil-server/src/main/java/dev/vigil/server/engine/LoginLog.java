package dev.vigil.server.engine;

import java.util.List;

/**
 * Where {@link LoginWriter} appends assessed logins: {@link LoginStore} in production, a fake in tests of the
 * writer's failure handling.
 */
interface LoginLog {
  /**
   * Stores a batch in one transaction: each login whose (tenant, eventId) is new with its assessment and alert;
   * for the others the assessment stored first.
   *
   * @return one answer per write, in order, and the largest {@code seq} now stored (0 when none was new)
   * @throws RuntimeException when the transaction failed; nothing of the batch is stored then
   */
  Appended append(List<PendingWrite> batch);

  /** What a batch became. */
  record Appended(List<AssessedLogin> answers, long lastSeq) {
    public Appended {
      answers = List.copyOf(answers);
    }
  }
}
