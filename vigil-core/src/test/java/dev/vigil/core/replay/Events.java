package dev.vigil.core.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Named event lines for replay tests: valid ones by id, and one of each way a line can break the contract. */
final class Events {
  private Events() {}

  static String login(String eventId, String userId, String ip) {
    return "{\"eventId\":\"" + eventId + "\",\"tenantId\":\"acme\",\"userId\":\"" + userId
        + "\",\"timestamp\":\"2026-10-01T08:15:30Z\",\"outcome\":\"SUCCESS\",\"ip\":\"" + ip + "\"}";
  }

  static String login(String eventId) {
    return login(eventId, "alice", "81.2.69.160");
  }

  /** Valid, but a year ahead: only a reader that checks the clock would refuse it. */
  static String fromTheFuture(String eventId) {
    return login(eventId).replace("2026-10-01", "2027-10-01");
  }

  static String badJson() {
    return "{\"eventId\":\"broken\",\"tenantId\":";
  }

  static String missingUserId() {
    return "{\"eventId\":\"no-user\",\"tenantId\":\"acme\",\"timestamp\":\"2026-10-01T08:15:30Z\","
        + "\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69.160\"}";
  }

  static String badIp() {
    return login("bad-ip", "alice", "999.1.1.1");
  }

  static String jsonl(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
