package dev.vigil.server.engine;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's {@code text} cannot hold U+0000, which JSON allows ({@code "\u0000"}) and the event reader accepts.
 * Such an event would fail its transaction every time it is sent (a 503 that a retry never cures), so it is refused
 * up front as invalid, naming the field.
 */
public final class StorableText {
  private StorableText() {}

  /**
   * @throws InvalidEventException naming the first field that holds U+0000
   */
  public static void require(LoginEvent event) {
    check("eventId", event.eventId());
    check("tenantId", event.tenantId());
    check("userId", event.userId());
    check("userAgent", event.userAgent());
    check("deviceId", event.deviceId());
    check("authMethod", event.authMethod());
    check("sessionId", event.sessionId());
    Geo geo = event.geo();
    if (geo != null) {
      check("geo.country", geo.country());
      check("geo.region", geo.region());
      check("geo.city", geo.city());
      check("geo.asOrg", geo.asOrg());
    }
    for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
      check("attributes", attribute.getKey());
      check("attributes", attribute.getValue());
    }
  }

  private static void check(String field, @Nullable String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw new InvalidEventException(field, "must not contain the NUL character (U+0000)");
    }
  }
}
