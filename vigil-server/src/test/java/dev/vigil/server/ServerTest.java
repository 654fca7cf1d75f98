package dev.vigil.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The server on a random port over real PostgreSQL — embedded by default, the server at {@code VIGIL_TEST_JDBC_URL}
 * when that is set. Every class with this annotation shares one Spring context (one database). Tests isolate
 * themselves by tenant ({@link TestTenant}), so a shared database needs no cleanup. No demo tenant is created: the
 * fresh-install test has its own context for that. The engine reads a settings file and a blocklist that touch only
 * the tenants and addresses of the tests that check them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.access.demo-tenant=false",
    "vigil.access.key-cache-ttl=PT0S",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "vigil.auth.password.memory-kib=1024",
    "vigil.auth.password.iterations=1",
    "vigil.engine.settings-file=src/test/resources/engine/settings.json",
    "vigil.engine.blocklist=src/test/resources/engine/blocklist.txt",
    "vigil.api.max-batch-bytes=4194304"})
public @interface ServerTest {}
