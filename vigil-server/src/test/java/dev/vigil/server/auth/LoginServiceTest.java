package dev.vigil.server.auth;

import dev.vigil.server.VigilServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The login service end to end: real HTTP on a random port, real PostgreSQL (embedded, or
 * {@code VIGIL_TEST_JDBC_URL}), the engine with a few scripted networks ({@link ScriptedEngine}) and a clock the
 * tests move forward ({@link TestClock}). Every class with this annotation shares one application context;
 * every test uses its own tenant, so tests never see each other's accounts, events or engine profiles.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "vigil.auth.trust-forwarded-headers=true",
    // Argon2id at test strength: the cost is a setting, the code path is the same.
    "vigil.auth.password.memory-kib=1024",
    "vigil.auth.password.iterations=1",
    "vigil.auth.bootstrap-admin.tenant=" + LoginServiceTest.BOOTSTRAP_TENANT,
    "vigil.auth.bootstrap-admin.email=Root@Example.test",
    "vigil.auth.bootstrap-admin.password=" + LoginServiceTest.BOOTSTRAP_PASSWORD})
@Import(ScriptedEngine.class)
public @interface LoginServiceTest {
  String BOOTSTRAP_TENANT = "bootstrap-test";
  String BOOTSTRAP_PASSWORD = "correct horse battery staple";
}
