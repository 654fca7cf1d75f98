package dev.vigil.server.api;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the contract allows but PostgreSQL cannot store: {@code text} columns refuse the NUL character
 * ({@code \u0000} in JSON), so an event carrying one in a stored field must be refused as invalid before it reaches
 * the pipeline, not fail the insert with a 500. (Core's reader could refuse it for every source; until then the
 * engine API does.)
 */
final class EventContent {
  private EventContent() {}

  /** @throws InvalidEventException naming the first field that holds a NUL character */
  static void requireStorable(LoginEvent event) {
    check("eventId", event.eventId());
    check("tenantId", event.tenantId());
    check("userId", event.userId());
    check("userAgent", event.userAgent());
    check("deviceId", event.deviceId());
    check("authMethod", event.authMethod());
    check("sessionId", event.sessionId());
    if (event.geo() != null) {
      check("geo.country", event.geo().country());
      check("geo.region", event.geo().region());
      check("geo.city", event.geo().city());
      check("geo.asOrg", event.geo().asOrg());
    }
    for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
      check("attributes", attribute.getKey());
      check("attributes", attribute.getValue());
    }
  }

  private static void check(String field, @Nullable String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidEventException(field, "must not contain the NUL character");
    }
  }
}
