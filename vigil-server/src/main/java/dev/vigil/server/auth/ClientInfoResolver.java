package dev.vigil.server.auth;

import dev.vigil.core.event.EventLimits;
import dev.vigil.core.event.IpAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's client address, user agent and device id.
 *
 * <p>The address comes from the socket. {@code X-Forwarded-For} is honoured only when
 * {@code vigil.auth.trust-forwarded-headers} is on — anyone can send the header, so trusting it without a proxy
 * that overwrites it would let an attacker pick the network the throttle and the engine see. When trusted, the
 * <em>last</em> entry is taken: the one the nearest (trusted) proxy appended; entries to its left were sent by the
 * client and may be forged.
 */
final class ClientInfoResolver {
  static final String DEVICE_HEADER = "X-Device-Id";
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final boolean trustForwardedHeaders;

  ClientInfoResolver(boolean trustForwardedHeaders) {
    this.trustForwardedHeaders = trustForwardedHeaders;
  }

  /** The client of {@code request}; {@code bodyDeviceId} is used when the header is absent. */
  ClientInfo resolve(HttpServletRequest request, @Nullable String bodyDeviceId) {
    String userAgent = request.getHeader("User-Agent");
    boolean truncated = userAgent != null && userAgent.length() > EventLimits.MAX_STRING_LENGTH;
    String header = blankToNull(request.getHeader(DEVICE_HEADER));
    String deviceId = blankToNull(header != null ? header : bodyDeviceId);
    return new ClientInfo(address(request),
        truncated ? userAgent.substring(0, EventLimits.MAX_STRING_LENGTH) : blankToNull(userAgent), truncated,
        deviceId == null ? null : cut(deviceId.strip()));
  }

  /** A device id is an opaque key: longer ones are cut like every string field of an event. */
  private static String cut(String text) {
    return text.length() > EventLimits.MAX_STRING_LENGTH ? text.substring(0, EventLimits.MAX_STRING_LENGTH) : text;
  }

  IpAddress address(HttpServletRequest request) {
    if (trustForwardedHeaders) {
      String forwarded = request.getHeader(FORWARDED_FOR);
      if (forwarded != null) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        IpAddress parsed = IpAddress.tryParse(withoutZone(last));
        if (parsed != null) {
          return parsed;
        }
      }
    }
    return IpAddress.parse(withoutZone(request.getRemoteAddr()));
  }

  /** Strips an IPv6 zone ({@code fe80::1%eth0}) and brackets, which the engine's parser does not take. */
  private static String withoutZone(String address) {
    String text = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
        : address;
    int zone = text.indexOf('%');
    return zone < 0 ? text : text.substring(0, zone);
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
