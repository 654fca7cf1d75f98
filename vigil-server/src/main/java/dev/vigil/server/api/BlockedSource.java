package dev.vigil.server.api;

/**
 * Marks an assessment's answer as coming from a blocked source: {@code "blocked": true} is added to the engine's
 * JSON object, which is otherwise passed on byte for byte.
 *
 * <p>Why a field and not a rewritten decision: the assessment is core's own JSON and is stored as returned, so that
 * a repeated eventId gets the same bytes back; rewriting its decision or signals would make the answer disagree
 * with the stored assessment and with its score. The field is added per answer, from the block list as it is at
 * that moment, and is absent when the source is not blocked.
 */
final class BlockedSource {
  static final String FIELD = "\"blocked\":true";

  private BlockedSource() {}

  /** The assessment object with {@code "blocked": true} as its last member. */
  static String mark(String assessment) {
    int end = assessment.lastIndexOf('}');
    if (end < 0) {
      throw new IllegalStateException("an assessment is a JSON object");
    }
    String head = assessment.substring(0, end).stripTrailing();
    return head + (head.endsWith("{") ? "" : ",") + FIELD + assessment.substring(end);
  }
}
