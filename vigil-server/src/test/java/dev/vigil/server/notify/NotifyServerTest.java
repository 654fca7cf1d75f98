package dev.vigil.server.notify;

import dev.vigil.server.VigilServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on a random port over real PostgreSQL (embedded, or {@code VIGIL_TEST_JDBC_URL}), wired to the
 * real SMTP and HTTP servers of {@link NotifyTestServers}, with a {@link MutableClock} and no background loops:
 * tests drive the dispatcher, digest and escalation themselves. Every class with this annotation shares one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VigilServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
        "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
        "vigil.embedded-db.ephemeral=true",
        "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
        "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
        "vigil.auth.password.memory-kib=1024",
        "vigil.auth.password.iterations=1"})
@ContextConfiguration(initializers = NotifyTestServers.class)
@Import(NotifyServerTest.TestClock.class)
@interface NotifyServerTest {
  /** Start of every test context's clock; login events in tests happen before it. */
  Instant START = Instant.parse("2026-11-23T10:00:00Z");

  @TestConfiguration(proxyBeanMethods = false)
  class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }

    /** Every user has an address except those whose id starts with {@code nomail}. */
    @Bean
    @Primary
    RecipientDirectory testRecipients() {
      return (tenant, user) -> user.startsWith("nomail") ? java.util.Optional.empty()
          : java.util.Optional.of(user + "@mail.test");
    }

    @Bean
    @Primary
    RecordingProtection recordingProtection() {
      return new RecordingProtection();
    }
  }
}
