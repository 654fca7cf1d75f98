package dev.vigil.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * Writes a {@link SecurityEvent} as a CloudEvents 1.0 structured-mode JSON envelope ({@code specversion},
 * {@code id}, {@code source}, {@code type}, {@code time}, {@code datacontenttype}, {@code data}), the form both
 * the webhook notifier and the Kafka producer send unchanged.
 */
public final class CloudEvents {
  /** The CloudEvents {@code source} of everything the server emits. */
  public static final URI SOURCE = URI.create("urn:vigil:server");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudEvents() {}

  public static String envelope(SecurityEvent event, URI source) {
    ObjectNode root = JSON.createObjectNode();
    root.put("specversion", "1.0");
    root.put("id", event.id().toString());
    root.put("source", source.toString());
    root.put("type", event.type().cloudEventType());
    root.put("time", event.time().toString());
    root.put("datacontenttype", "application/json");
    ObjectNode data = root.putObject("data");
    data.put("action", event.action());
    data.put("incidentId", event.incidentId());
    data.put("traceId", event.traceId());
    data.put("latencyMs", event.latencyMs());
    data.put("tenant", event.tenantId());
    data.put("subject", event.subject());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }
}
