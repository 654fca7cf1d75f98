package dev.vigil.server.api;

import dev.vigil.core.event.LoginEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the server keeps of a login event: the event with its address pseudonymised (keyed hash plus masked
 * form) and its user agent reduced to a display form; the raw address and header are not stored.
 */
record StoredLogin(LoginEvent event, String ipHmac, String ipMasked, @Nullable String userAgentDisplay,
    Instant receivedAt) {
  @Override
  public String toString() {
    return "StoredLogin[tenant=" + event.tenantId() + ", eventId=" + event.eventId() + "]";
  }
}
