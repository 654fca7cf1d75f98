package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.ProfileSummary;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.server.VigilServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Profiles survive restarts: two server contexts, one after the other, on the same database (an embedded
 * PostgreSQL in a directory kept between them, or the server at {@code VIGIL_TEST_JDBC_URL}).
 */
final class RestartTests {
  private static final String FIREFOX_ON_LINUX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  @TempDir
  Path dataDir;

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void keepsTheProfileAcrossAGracefulRestartSoAFamiliarLoginIsStillAllowed() {
    ProfileSummary before;
    try (ConfigurableApplicationContext first = start()) {
      LoginPipeline pipeline = first.getBean(LoginPipeline.class);
      for (int day = 1; day <= 14; day++) {
        pipeline.assess(aliceAtHome("home-" + day, day));
      }
      before = pipeline.profileSummary(tenant, "alice").orElseThrow();
    }

    try (ConfigurableApplicationContext second = start()) {
      LoginPipeline pipeline = second.getBean(LoginPipeline.class);
      assertThat(pipeline.profileSummary(tenant, "alice")).contains(before);
      // An event stored before the restart is recognised and answered from the table, not learned again.
      assertThat(pipeline.assess(aliceAtHome("home-3", 3)).repeated()).isTrue();
      assertThat(pipeline.profileSummary(tenant, "alice")).contains(before);
      assertFamiliar(pipeline.assess(aliceAtHome("home-15", 15)).assessment());
      long snapshotSeq = jdbc(second).sql("SELECT max(last_seq) FROM engine_snapshots").query(Long.class).single();
      long lastEvent = jdbc(second).sql("SELECT max(seq) FROM login_events WHERE tenant_id = ? AND event_id = ?")
          .param(tenant).param("home-14").query(Long.class).single();
      assertThat(snapshotSeq).as("the shutdown snapshot includes the last event").isGreaterThanOrEqualTo(lastEvent);
    }
  }

  @Test
  void rebuildsTheProfileFromStoredEventsWhenTheProcessDiedBeforeItsShutdownSnapshot() {
    ProfileSummary before;
    try (ConfigurableApplicationContext first = start()) {
      LoginPipeline pipeline = first.getBean(LoginPipeline.class);
      for (int day = 1; day <= 7; day++) {
        pipeline.assess(aliceAtHome("early-" + day, day));
      }
      pipeline.snapshot().join();
      for (int day = 8; day <= 14; day++) {
        pipeline.assess(aliceAtHome("late-" + day, day));
      }
      before = pipeline.profileSummary(tenant, "alice").orElseThrow();
    }
    // As if the process had been killed after day 14: its shutdown snapshot is dropped, so the next start has only
    // the day-7 snapshot and must replay days 8 to 14. (This context changes nothing, so it writes no snapshot.)
    try (ConfigurableApplicationContext cleanup = start()) {
      jdbc(cleanup).sql("DELETE FROM engine_snapshots WHERE id = (SELECT max(id) FROM engine_snapshots)").update();
    }

    try (ConfigurableApplicationContext second = start()) {
      LoginPipeline pipeline = second.getBean(LoginPipeline.class);
      Optional<ProfileSummary> after = pipeline.profileSummary(tenant, "alice");
      assertThat(after).contains(before);
      assertFamiliar(pipeline.assess(aliceAtHome("late-15", 15)).assessment());
    }
  }

  private static void assertFamiliar(Assessment assessment) {
    assertThat(assessment).isNotNull();
    assertThat(assessment.decision()).isEqualTo(Decision.ALLOW);
    assertThat(assessment.signalTypes()).noneMatch(type -> type.name().startsWith("NEW_"));
  }

  private byte[] aliceAtHome(String eventId, int day) {
    return """
        {"eventId":"%s","tenantId":"%s","userId":"alice","timestamp":"2026-10-%02dT09:00:00Z","outcome":"SUCCESS",
         "ip":"81.2.69.160","userAgent":"%s","deviceId":"d-alice"}"""
        .formatted(eventId, tenant, day, FIREFOX_ON_LINUX).getBytes(StandardCharsets.UTF_8);
  }

  private static JdbcClient jdbc(ConfigurableApplicationContext context) {
    return context.getBean(JdbcClient.class);
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(VigilServer.class)
        .properties(
            "server.port=0",
            "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
            "vigil.embedded-db.dir=" + dataDir.resolve("postgres"),
            "vigil.embedded-db.ephemeral=false",
            "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==")
        .run();
  }
}
