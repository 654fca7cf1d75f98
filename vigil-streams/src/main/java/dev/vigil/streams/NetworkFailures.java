package dev.vigil.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Failed logins from one source network (/24 or /48) of one tenant in one event-time window, over every partition:
 * the evidence of a password spray whose victims' profiles live on different tasks, where each task's engine sees
 * only its own share of the attempts.
 *
 * @param windowStart inclusive, event time
 * @param windowEnd exclusive, event time
 * @param failures failed attempts in the window
 * @param unknownUserFailures of which for user names that do not exist (credential stuffing)
 * @param users distinct users tried, as sorted user-name hashes; at most {@link #MAX_USERS} are kept (a count at the
 *     cap means "at least that many", which is all a threshold needs)
 */
record NetworkFailures(Instant windowStart, Instant windowEnd, int failures, int unknownUserFailures, int[] users) {
  static final int MAX_USERS = 256;
  private static final JsonFactory JSON = new JsonFactory();

  static NetworkFailures empty() {
    return new NetworkFailures(Instant.EPOCH, Instant.EPOCH, 0, 0, new int[0]);
  }

  int distinctUsers() {
    return users.length;
  }

  /** Whether {@code time} falls in this window. */
  boolean covers(Instant time) {
    return !time.isBefore(windowStart) && time.isBefore(windowEnd);
  }

  /** This window with one more failure by {@code userHash}. */
  NetworkFailures plus(int userHash, boolean unknownUser) {
    int[] more = users;
    int at = Arrays.binarySearch(users, userHash);
    if (at < 0 && users.length < MAX_USERS) {
      int insert = -at - 1;
      more = new int[users.length + 1];
      System.arraycopy(users, 0, more, 0, insert);
      more[insert] = userHash;
      System.arraycopy(users, insert, more, insert + 1, users.length - insert);
    }
    return new NetworkFailures(windowStart, windowEnd, failures + 1, unknownUserFailures + (unknownUser ? 1 : 0), more);
  }

  NetworkFailures inWindow(Instant start, Instant end) {
    return new NetworkFailures(start, end, failures, unknownUserFailures, users);
  }

  /** The JSON form on {@link Topics#NETWORK_FAILURES}; user hashes stay inside (they are not for people). */
  byte[] toJson(String tenantId, String network) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("tenantId", tenantId);
      json.writeStringField("network", network);
      json.writeStringField("windowStart", windowStart.toString());
      json.writeStringField("windowEnd", windowEnd.toString());
      json.writeNumberField("failures", failures);
      json.writeNumberField("unknownUserFailures", unknownUserFailures);
      json.writeNumberField("distinctUsers", users.length);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the JSON form; the user hashes are not in it, so only the counts come back (as a count). */
  static @Nullable NetworkFailures fromJson(byte @Nullable [] bytes) {
    if (bytes == null) {
      return null;
    }
    Instant start = Instant.EPOCH;
    Instant end = Instant.EPOCH;
    int failures = 0;
    int unknown = 0;
    int distinct = 0;
    try (JsonParser parser = JSON.createParser(bytes)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "windowStart" -> start = Instant.parse(parser.getText());
          case "windowEnd" -> end = Instant.parse(parser.getText());
          case "failures" -> failures = parser.getIntValue();
          case "unknownUserFailures" -> unknown = parser.getIntValue();
          case "distinctUsers" -> distinct = parser.getIntValue();
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] users = new int[Math.min(distinct, MAX_USERS)];
    for (int i = 0; i < users.length; i++) {
      users[i] = i;
    }
    return new NetworkFailures(start, end, failures, unknown, users);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkFailures that && windowStart.equals(that.windowStart)
        && windowEnd.equals(that.windowEnd) && failures == that.failures
        && unknownUserFailures == that.unknownUserFailures && Arrays.equals(users, that.users);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(users) + failures;
  }

  @Override
  public String toString() {
    return "NetworkFailures[" + windowStart + ".." + windowEnd + ", failures=" + failures + ", distinctUsers="
        + users.length + "]";
  }
}
