package dev.vigil.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The server end to end: real HTTP on a random port, real PostgreSQL — embedded by default, the server at
 * {@code VIGIL_TEST_JDBC_URL} when that is set. Every test class with this annotation shares one context (one
 * database start); every test uses its own tenant, so runs never see each other's rows even on a shared database.
 * The engine reads a settings file and a blocklist that touch only the tenants and addresses of the tests that
 * check them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.engine.settings-file=src/test/resources/engine/settings.json",
    "vigil.engine.blocklist=src/test/resources/engine/blocklist.txt",
    "vigil.api.max-batch-bytes=4194304"})
public @interface VigilServerTest {}
