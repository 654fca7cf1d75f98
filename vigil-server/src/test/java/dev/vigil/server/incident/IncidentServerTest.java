package dev.vigil.server.incident;

import dev.vigil.server.VigilServer;
import dev.vigil.server.auth.SessionAccountControl;
import dev.vigil.server.enforce.GatedAccountControl;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The server with the real engine, login service and enforcement on a random port over real PostgreSQL (embedded,
 * or {@code VIGIL_TEST_JDBC_URL}); the account port is the login service's behind a test gate ({@link Gates}).
 * The client address of logins is taken from {@code X-Forwarded-For}, so tests can log in from anywhere; the
 * tenants' webhook and PagerDuty are real HTTP servers ({@link IncidentEndpoints}). Every
 * class with this annotation shares one context; every test has its own tenant.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {VigilServer.class, IncidentServerTest.Gates.class},
    webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "vigil.auth.password.memory-kib=1024",
    "vigil.auth.password.iterations=1",
    "vigil.auth.trust-forwarded-headers=true",
    "spring.main.allow-bean-definition-overriding=true"})
@ContextConfiguration(initializers = IncidentEndpoints.class)
@interface IncidentServerTest {
  /** The account port with gates, so a test can hold a freeze in flight. */
  @TestConfiguration(proxyBeanMethods = false)
  class Gates {
    @Bean
    @Primary
    GatedAccountControl gatedAccountControl(SessionAccountControl real) {
      return new GatedAccountControl(real);
    }
  }
}
