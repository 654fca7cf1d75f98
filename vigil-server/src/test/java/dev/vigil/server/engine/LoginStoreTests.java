package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.ServerTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link LoginStore#append} against PostgreSQL: a batch of {@link LoginStore#COPY_FROM} or more new logins goes
 * through binary {@code COPY}, a smaller one through the multi-row insert, and both must store the same rows.
 */
@ServerTest
final class LoginStoreTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant RECEIVED = Instant.parse("2026-11-01T08:00:01.123456Z");

  @Autowired
  LoginStore store;

  @Autowired
  JdbcClient jdbc;

  private final VigilEngine engine = VigilEngine.builder().build();
  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void storesALargeBatchWithEveryColumnAsTheInsertWouldInEngineOrder() throws Exception {
    List<PendingWrite> copied = batch("c-", LoginStore.COPY_FROM + 8);
    List<PendingWrite> inserted = batch("i-", 2);

    LoginLog.Appended bulk = store.append(copied);
    LoginLog.Appended small = store.append(inserted);

    assertThat(bulk.answers()).allSatisfy(answer -> assertThat(answer.repeated()).isFalse());
    assertThat(bulk.lastSeq()).isEqualTo(seqOf("c-" + (copied.size() - 1)));
    assertThat(small.lastSeq()).isEqualTo(seqOf("i-1"));
    assertThat(jdbc.sql("SELECT event_id FROM login_events WHERE tenant_id = ? AND event_id LIKE 'c-%' ORDER BY seq")
        .param(tenant).query(String.class).list())
        .as("seq follows the batch order").containsExactlyElementsOf(copied.stream().map(this::eventId).toList());
    // Every column the COPY writes reads back as the insert's does.
    assertThat(row("c-1")).isEqualTo(row("i-1"));
    assertThat(row("c-1")).containsEntry("occurred_at", "2026-11-01 08:00:01")
        .containsEntry("received_at", "2026-11-01 08:00:01.123456")
        .containsEntry("device_present", "true")
        .containsEntry("ip_masked", "192.0.2.0/24")
        .containsEntry("user_agent_display", "Firefox 128 on Linux")
        .containsEntry("country", "DE")
        .containsEntry("failure_reason", null);
    PendingWrite first = copied.get(1);
    String stored = jdbc.sql("SELECT assessment::text FROM assessments WHERE tenant_id = ? AND event_id = 'c-1'")
        .param(tenant).query(String.class).single();
    assertThat(stored).as("the exact JSON answered").isEqualTo(first.json());
    assertThat(jdbc.sql("SELECT score FROM assessments WHERE tenant_id = ? AND event_id = 'c-1'")
        .param(tenant).query(Integer.class).single()).isEqualTo(first.assessment().score());
  }

  @Test
  void storesTheOthersOfALargeBatchAndAnswersTheStoredAssessmentWhenOneEventIdWasStoredBefore() throws Exception {
    List<PendingWrite> earlier = batch("e-", 1);
    store.append(earlier);
    String firstJson = earlier.getFirst().json();
    List<PendingWrite> copied = batch("e-", LoginStore.COPY_FROM + 8);

    LoginLog.Appended appended = store.append(copied);

    assertThat(appended.answers().get(0).repeated()).isTrue();
    assertThat(appended.answers().get(0).json()).isEqualTo(firstJson);
    assertThat(appended.answers().subList(1, copied.size()))
        .allSatisfy(answer -> assertThat(answer.repeated()).isFalse());
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single()).isEqualTo(copied.size());
    assertThat(jdbc.sql("SELECT count(*) FROM assessments WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single()).isEqualTo(copied.size());
  }

  @Test
  void storesTextWithQuotesBackslashesAndNonAsciiCharactersUnchanged() throws Exception {
    List<PendingWrite> writes = batch("u-", LoginStore.COPY_FROM);
    String odd = "Zoë \"quoted\" back\\slash {brace}, 東京 😀";
    LoginEvent event = LoginEvent.of("u-odd", tenant, odd, Instant.parse("2026-11-01T08:00:01Z"), Outcome.SUCCESS,
        IpAddress.parse("192.0.2.1"));
    writes.set(0, pending(event, null));

    store.append(writes);

    assertThat(jdbc.sql("SELECT user_id FROM login_events WHERE tenant_id = ? AND event_id = 'u-odd'")
        .param(tenant).query(String.class).single()).isEqualTo(odd);
    String raw = jdbc.sql("SELECT raw_event FROM login_events WHERE tenant_id = ? AND event_id = 'u-odd'")
        .param(tenant).query(String.class).single();
    assertThat(JSON.readTree(raw).path("userId").asText()).isEqualTo(odd);
  }

  private List<PendingWrite> batch(String prefix, int size) {
    List<PendingWrite> writes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      LoginEvent event = LoginEvent.of(prefix + i, tenant, "alice", Instant.parse("2026-11-01T08:00:01Z"),
          Outcome.SUCCESS, IpAddress.parse("192.0.2.1")).withDeviceId("device-1");
      writes.add(pending(event, "Firefox 128 on Linux"));
    }
    return writes;
  }

  private PendingWrite pending(LoginEvent event, String userAgentDisplay) {
    Assessment assessment = engine.assess(event);
    StoredLogin login = new StoredLogin(event, "0".repeat(64), "192.0.2.0/24", "1".repeat(64), userAgentDisplay,
        "DE", LoginEventWriter.toJson(event), RECEIVED);
    return new PendingWrite(login, assessment, AssessmentJson.toJson(assessment), new CompletableFuture<>());
  }

  private String eventId(PendingWrite write) {
    return write.login().event().eventId();
  }

  private long seqOf(String eventId) {
    return jdbc.sql("SELECT seq FROM login_events WHERE tenant_id = ? AND event_id = ?").param(tenant).param(eventId)
        .query(Long.class).single();
  }

  /** The row's columns as text, apart from its keys, seq and raw event (which name the event). */
  private Map<String, Object> row(String eventId) {
    return jdbc.sql("""
            SELECT user_id, (occurred_at AT TIME ZONE 'UTC')::text AS occurred_at, outcome, failure_reason, ip_hmac, ip_masked, user_agent_display,
                   device_present::text AS device_present, auth_method, (received_at AT TIME ZONE 'UTC')::text AS received_at, user_agent_hmac, country
              FROM login_events WHERE tenant_id = ? AND event_id = ?""")
        .param(tenant).param(eventId).query().singleRow();
  }
}
