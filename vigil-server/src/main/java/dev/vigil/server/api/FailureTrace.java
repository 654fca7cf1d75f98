package dev.vigil.server.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A stack trace for the log without exception messages: for each exception of the cause chain its type and its
 * frames. Enough to find the failing line; nothing the caller sent.
 */
final class FailureTrace {
  private static final int MAX_FRAMES = 40;

  private FailureTrace() {}

  static String withoutMessages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = failure;
    while (current != null && seen.add(current)) {
      text.append(current == failure ? "" : "\ncaused by: ").append(current.getClass().getName());
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        text.append("\n\tat ").append(frames[i]);
      }
      if (frames.length > MAX_FRAMES) {
        text.append("\n\t... ").append(frames.length - MAX_FRAMES).append(" more");
      }
      current = current.getCause();
    }
    return text.toString();
  }
}
