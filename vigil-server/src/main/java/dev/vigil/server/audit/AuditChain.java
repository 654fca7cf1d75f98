package dev.vigil.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash rule of the chain, in one place so that writer and verifier cannot drift apart:
 * {@code hash = SHA-256(prevHash + "\n" + canonical)}, where {@code canonical} is the JSON array
 * {@code [tenant, seq, occurredAt, actor, action, target, details]} (a JSON array, not a joined string, so
 * that no field's content can move a separator).
 */
final class AuditChain {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private AuditChain() {}

  static String hash(String prevHash, String tenantId, long seq, Instant occurredAt, String actor, String action,
      String target, String details) {
    String canonical = write(List.of(tenantId, seq, occurredAt.toString(), actor, action, target, details));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Details as canonical JSON: keys sorted, string values. */
  static String details(Map<String, String> details) {
    return write(new TreeMap<>(details));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings and numbers always serialize", e);
    }
  }
}
