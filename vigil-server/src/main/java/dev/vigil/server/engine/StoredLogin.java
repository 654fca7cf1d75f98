package dev.vigil.server.engine;

import dev.vigil.core.event.LoginEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the server keeps of a login event: the event with its address pseudonymised (keyed hash plus masked
 * form) and its user agent as a keyed hash plus its display form, and its country (ISO alpha-2, for the console's
 * map), for good; and the raw event JSON, which holds the address,
 * user agent and device id, only until the retention job removes it.
 */
record StoredLogin(LoginEvent event, String ipHmac, String ipMasked, @Nullable String userAgentHmac,
    @Nullable String userAgentDisplay, @Nullable String country,
    String rawEventJson, Instant receivedAt) {
  @Override
  public String toString() {
    return "StoredLogin[tenant=" + event.tenantId() + ", eventId=" + event.eventId() + "]";
  }
}
