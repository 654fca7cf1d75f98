package dev.vigil.server.engine;

import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.server.privacy.IpHasher;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Turns an event into what is stored of it ({@link StoredLogin}): keyed hash and mask of the address, display form
 * of the user agent, raw JSON for replay. Thread-safe; runs on the request threads, outside the engine lock, since
 * the HMAC and the user-agent parse cost more than the assessment itself.
 */
@Component
final class LoginRedactor {
  private final IpHasher ipHasher;
  private final UserAgentParser userAgents;
  private final Clock clock;

  LoginRedactor(IpHasher ipHasher, UserAgentParser userAgents, Clock clock) {
    this.ipHasher = ipHasher;
    this.userAgents = userAgents;
    this.clock = clock;
  }

  StoredLogin redact(LoginEvent event) {
    return new StoredLogin(event, ipHasher.hash(event.ip()), event.ip().masked(),
        event.userAgent() == null ? null : ipHasher.hashUserAgent(event.userAgent()),
        event.userAgent() == null ? null : userAgents.parse(event.userAgent()).display(),
        LoginEventWriter.toJson(event), clock.instant());
  }
}
