package dev.vigil.server.auth;

import dev.vigil.core.event.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Where a login request came from, as the engine needs it.
 *
 * @param ip the client address: the socket's peer, or the proxy-reported one when forwarded headers are trusted
 * @param userAgent the User-Agent header, at most {@link dev.vigil.core.event.EventLimits#MAX_STRING_LENGTH} chars
 * @param userAgentTruncated whether it was cut
 * @param deviceId the {@code X-Device-Id} header or body field, at most 512 chars
 */
record ClientInfo(IpAddress ip, @Nullable String userAgent, boolean userAgentTruncated, @Nullable String deviceId) {
  @Override
  public String toString() {
    return "ClientInfo[redacted]";
  }
}
