package dev.vigil.server.dashboard;

import dev.vigil.server.VigilServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The server with the real engine, login service and enforcement on a random port over real PostgreSQL (embedded,
 * or {@code VIGIL_TEST_JDBC_URL}), for the dashboard's browser and endpoint tests. The client address of logins is
 * taken from {@code X-Forwarded-For}, so a test can send a user's habitual logins and a takeover from elsewhere;
 * the browser sends no such header and logs in from 127.0.0.1. Every class with this annotation shares one
 * context; every test has its own tenant, but for {@link #NOTIFIED_TENANT}, whose tests tell their data apart by
 * their own users and incidents.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.access.demo-tenant=false",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "vigil.auth.password.memory-kib=1024",
    "vigil.auth.password.iterations=1",
    "vigil.auth.trust-forwarded-headers=true",
    // One tenant with a webhook channel, so that its incidents have notifications to show; nothing listens there,
    // so its messages stay pending or die, which the console shows as they are.
    "vigil.notify.tenants." + DashboardServerTest.NOTIFIED_TENANT + ".webhook.url=http://127.0.0.1:9/vigil-webhook",
    "vigil.notify.tenants." + DashboardServerTest.NOTIFIED_TENANT + ".webhook.signing-secret=test-only-secret"})
@interface DashboardServerTest {
  /** The tenant whose notifications go to a webhook (a fixed name: settings are read at start). */
  String NOTIFIED_TENANT = "console-notified";
}
