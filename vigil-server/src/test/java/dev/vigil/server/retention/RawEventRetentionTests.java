package dev.vigil.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ServerTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The raw event JSON (raw IP, user agent) lives only for {@code vigil.privacy.raw-retention} after receipt. */
@ServerTest
final class RawEventRetentionTests {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired
  JdbcClient jdbc;

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void clearsTheRawDataOfEventsReceivedBeforeTheWindowInBatchesAndKeepsTheRest() {
    for (int i = 0; i < 5; i++) {
      insert("old-" + i, NOW.minus(Duration.ofDays(31 + i)));
    }
    insert("recent", NOW.minus(Duration.ofDays(29)));
    insert("today", NOW);
    var retention = new RawEventRetention(jdbc, new RetentionSettings(Duration.ofDays(30), Duration.ofHours(1), 2),
        Clock.fixed(NOW, ZoneOffset.UTC));

    long cleared = retention.sweep();

    assertThat(cleared).isGreaterThanOrEqualTo(5);
    assertThat(rawEventOf("old-0")).isNull();
    assertThat(rawEventOf("old-4")).isNull();
    assertThat(rawEventOf("recent")).contains("198.51.100.23");
    assertThat(rawEventOf("today")).contains("198.51.100.23");
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ? AND ip_masked = '198.51.100.xxx'")
        .param(tenant).query(Long.class).single()).as("the pseudonymised rows stay").isEqualTo(7);
    assertThat(retention.sweep()).as("a second sweep finds nothing of ours").isZero();
  }

  private void insert(String eventId, Instant receivedAt) {
    jdbc.sql("""
            INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, ip_hmac, ip_masked,
                                      device_present, received_at, raw_event)
            VALUES (:tenant, :event, 'alice', :at, 'SUCCESS', repeat('0', 64), '198.51.100.xxx', false, :at, :raw)""")
        .param("tenant", tenant)
        .param("event", eventId)
        .param("at", Timestamp.from(receivedAt))
        .param("raw", "{\"eventId\":\"" + eventId + "\",\"ip\":\"198.51.100.23\"}")
        .update();
  }

  private String rawEventOf(String eventId) {
    return jdbc.sql("SELECT raw_event FROM login_events WHERE tenant_id = ? AND event_id = ?")
        .param(tenant).param(eventId).query((rs, n) -> rs.getString(1)).list().getFirst();
  }
}
