package dev.vigil.server.engine;

import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.server.privacy.IpHasher;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns an event into what is stored of it ({@link StoredLogin}): keyed hash and mask of the address, display form
 * of the user agent, country, raw JSON for replay. Thread-safe; runs on the request threads, outside the engine lock, since
 * the HMAC and the user-agent parse cost more than the assessment itself.
 */
@Component
final class LoginRedactor {
  private final IpHasher ipHasher;
  private final UserAgentParser userAgents;
  private final GeoLookup geo;
  private final Clock clock;

  LoginRedactor(IpHasher ipHasher, UserAgentParser userAgents, GeoLookup geo, Clock clock) {
    this.ipHasher = ipHasher;
    this.userAgents = userAgents;
    this.geo = geo;
    this.clock = clock;
  }

  StoredLogin redact(LoginEvent event) {
    return new StoredLogin(event, ipHasher.hash(event.ip()), event.ip().masked(),
        event.userAgent() == null ? null : ipHasher.hashUserAgent(event.userAgent()),
        event.userAgent() == null ? null : userAgents.parse(event.userAgent()).display(),
        country(event), LoginEventWriter.toJson(event), clock.instant());
  }

  /**
   * The country the engine's enrichment settles on: the caller's when its geo names one (a caller-supplied geo
   * wins), else the geo database's. Looked up here rather than taken from the engine, whose assessment does not
   * carry the enriched geo; with {@code vigil.engine.geoip} unset the lookup is {@link GeoLookup#NONE}, free.
   */
  private @Nullable String country(LoginEvent event) {
    Geo supplied = event.geo();
    if (supplied != null && supplied.country() != null) {
      return supplied.country();
    }
    return geo.lookup(event.ip()).country();
  }
}
