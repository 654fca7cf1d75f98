package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.enforce.AccountControl;
import dev.vigil.server.enforce.GatedAccountControl;
import dev.vigil.server.notify.RecordingEndpoint;
import dev.vigil.server.support.InternalApi;
import dev.vigil.server.support.InternalApi.Answer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident loop end to end — detect, open, enforce, verdict, roll back, learn — over real HTTP and a real
 * PostgreSQL (embedded, or {@code VIGIL_TEST_JDBC_URL}). Every test has its own tenant.
 */
@IncidentServerTest
final class IncidentLoopTests {
  static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
  static final String SAFARI_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";
  static final String BERLIN = """
      {"country":"DE","city":"Berlin","lat":52.52,"lon":13.40,"asn":3320,"asOrg":"Deutsche Telekom AG"}""";
  static final String SAO_PAULO = """
      {"country":"BR","city":"Sao Paulo","lat":-23.55,"lon":-46.63,"asn":28573,"asOrg":"Claro"}""";
  private static final String INCIDENTS = "/internal/risk/login/incidents";
  private static final String ALICE = "alice@example.test";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  GatedAccountControl accounts;

  @Autowired
  AccountControl accountControl;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApiKeys keys;

  private final String tenant = "t-" + UUID.randomUUID();
  private InternalApi api;
  /** Alice's account in the login service: her login events carry its id, enforcement acts on it. */
  private String alice;

  @BeforeEach
  void setUp() {
    api = new InternalApi(port, tenant, keys, jdbc);
    alice = api.registered(ALICE);
  }

  @Test
  void falsePositiveTakeoverIsRolledBackCompletelyAndTheProfileLearnsTheNewDevice() throws Exception {
    assertThat(accountControl).as("the enforcer acts through the gated port").isSameAs(accounts);
    usePlaybook("FORCE_LOGOUT", "FREEZE");
    // Alice's sessions come from the login service, whose logins happen now; the engine learns only from events
    // in time order, so this story is told relative to now.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    trainAliceUntil(now);
    aliceLogsInAtHome();
    aliceLogsInAtHome();
    List<String> sessions = openSessions(alice);
    assertThat(sessions).hasSize(2);

    JsonNode takeover = assess(aliceInSaoPaulo("away-1", now.plusSeconds(1).toString())).json();
    assertThat(takeover.path("decision").asText()).as(takeover.toString()).isEqualTo("CHALLENGE");
    assertThat(signals(takeover)).contains("NEW_DEVICE", "NEW_COUNTRY");

    JsonNode incident = onlyIncident();
    assertThat(incident.path("subject").asText()).isEqualTo("user:" + alice);
    assertThat(incident.path("status").asText()).isEqualTo("OPEN");
    String id = incident.path("id").asText();
    JsonNode enforced = awaitIncident(id, d -> statusOf(d, "FORCE_LOGOUT").equals("DONE")
        && statusOf(d, "FREEZE").equals("DONE"));
    assertThat(accounts.isFrozen(tenant, alice)).isTrue();
    assertThat(openSessions(alice)).isEmpty();
    assertThat(enforced.path("events").get(0).path("eventId").asText()).isEqualTo("away-1");

    Answer ack = api.post(INCIDENTS + "/" + id + "/ack", """
        {"verdict":"false_positive","note":"alice is travelling"}""");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().path("incident").path("status").asText()).isEqualTo("FALSE_POSITIVE");

    Answer rollback = api.post(INCIDENTS + "/" + id + "/rollback", "");
    assertThat(rollback.status()).isEqualTo(200);
    assertThat(rollback.json().path("complete").asBoolean()).isTrue();
    assertThat(rollback.json().path("incident").path("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(accounts.isFrozen(tenant, alice)).isFalse();
    assertThat(openSessions(alice)).containsExactlyInAnyOrderElementsOf(sessions);
    assertThat(unreadAlertsOf("away-1")).as("the incident's alerts are resolved").isZero();

    Answer again = api.post(INCIDENTS + "/" + id + "/rollback", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("alreadyRolledBack").asBoolean()).isTrue();

    JsonNode nextLogin = assess(aliceInSaoPaulo("away-2", now.plusSeconds(2).toString())).json();
    assertThat(signals(nextLogin)).as("the confirmed device and network are familiar now")
        .doesNotContain("NEW_NETWORK", "NEW_COUNTRY", "NEW_ASN", "NEW_IP");
    assertThat(nextLogin.path("signals")).filteredOn(s -> s.path("type").asText().equals("NEW_DEVICE"))
        .as("at most the LOW note that the device is known from one login only")
        .allSatisfy(s -> assertThat(s.path("severity").asText()).isEqualTo("LOW"));
  }

  @Test
  void theSameDeviceStaysNewWithoutAVerdict() throws Exception {
    // The control for the test above: without the false-positive feedback the second login still looks new.
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    JsonNode nextLogin = assess(aliceInSaoPaulo("away-2", "2026-10-14T09:30:00Z")).json();

    assertThat(signals(nextLogin)).contains("NEW_DEVICE");
  }

  @Test
  void deliversBlockedAndRollbackEventsAsSignedCloudEventsToTheTenantsWebhook() throws Exception {
    usePlaybook("FREEZE");
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    JsonNode incident = onlyIncident();
    String id = incident.path("id").asText();
    awaitIncident(id, d -> statusOf(d, "FREEZE").equals("DONE"));
    api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}");
    api.post(INCIDENTS + "/" + id + "/rollback", "");

    List<JsonNode> events = webhookEvents(2);
    assertThat(events).extracting(e -> e.path("type").asText())
        .containsExactly("security.login.blocked", "security.login.rollback");
    JsonNode blocked = events.getFirst();
    assertThat(blocked.path("specversion").asText()).isEqualTo("1.0");
    assertThat(blocked.path("source").asText()).isEqualTo("urn:vigil:server");
    assertThat(UUID.fromString(blocked.path("id").asText())).isNotNull();
    assertThat(Instant.parse(blocked.path("time").asText())).isNotNull();
    assertThat(blocked.path("datacontenttype").asText()).isEqualTo("application/json");
    JsonNode data = blocked.path("data");
    assertThat(data.path("action").asText()).isEqualTo("FREEZE");
    assertThat(data.path("incidentId").asText()).isEqualTo(id);
    assertThat(data.path("traceId").asText()).isEqualTo(incident.path("traceId").asText()).hasSize(32);
    assertThat(data.path("latencyMs").isIntegralNumber()).isTrue();
    assertThat(data.path("tenant").asText()).isEqualTo(tenant);
    assertThat(data.path("subject").asText()).isEqualTo("user:" + alice);
    JsonNode rolledBack = events.get(1).path("data");
    assertThat(rolledBack.path("action").asText()).isEqualTo("ROLLBACK");
    assertThat(rolledBack.path("incidentId").asText()).isEqualTo(id);
  }

  @Test
  void pagesPagerDutyKeyedByTheIncidentAndResolvesThePageOnRollback() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    awaitIncident(id, d -> statusOf(d, "PAGE").equals("DONE"));
    assertThat(pagerDutyEvents(id, 1)).extracting(e -> e.path("event_action").asText()).containsExactly("trigger");

    api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}");
    api.post(INCIDENTS + "/" + id + "/rollback", "");

    List<JsonNode> pages = pagerDutyEvents(id, 2);
    assertThat(pages).extracting(e -> e.path("event_action").asText()).containsExactly("trigger", "resolve");
    assertThat(pages.getFirst().path("payload").path("source").asText()).isEqualTo("vigil/" + tenant);
  }

  @Test
  void closingAConfirmedIncidentResolvesItsPage() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    awaitIncident(id, d -> statusOf(d, "PAGE").equals("DONE"));
    assertThat(api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"confirmed\"}").status()).isEqualTo(200);

    assertThat(api.post(INCIDENTS + "/" + id + "/close", "").status()).isEqualTo(200);

    assertThat(pagerDutyEvents(id, 2)).extracting(e -> e.path("event_action").asText())
        .containsExactly("trigger", "resolve");
  }

  @Test
  void laterRiskyLoginsOfTheSameUserJoinTheOpenIncident() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    assess(aliceFrom("away-2", "2026-10-13T10:30:00Z", "203.0.113.9", "curl/8.5.0", SAO_PAULO));

    JsonNode incident = onlyIncident();
    JsonNode details = api.get(INCIDENTS + "/" + incident.path("id").asText()).json();
    assertThat(details.path("events")).extracting(e -> e.path("eventId").asText())
        .containsExactly("away-1", "away-2");
    assertThat(details.path("timeline")).extracting(e -> e.path("kind").asText()).contains("opened", "attached");
  }

  @Test
  void anotherTenantsIncidentIsNotFound() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    InternalApi intruder = api.as("t-" + UUID.randomUUID());

    assertProblem(intruder.get(INCIDENTS + "/" + id), 404, "not-found");
    assertProblem(intruder.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}"), 404, "not-found");
    assertProblem(intruder.post(INCIDENTS + "/" + id + "/rollback", ""), 404, "not-found");
    assertThat(intruder.get(INCIDENTS).json().path("items")).isEmpty();
    assertThat(api.get(INCIDENTS + "/" + id).json().path("incident").path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void aTenantNamedInHeadersOrParametersIsIgnoredTheTokenDecides() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    InternalApi intruder = api.as("t-" + UUID.randomUUID());

    assertProblem(intruder.get(INCIDENTS + "/" + id + "?tenant=" + tenant, "X-Vigil-Tenant", tenant), 404,
        "not-found");
    assertThat(intruder.get(INCIDENTS + "?tenant=" + tenant, "X-Vigil-Tenant", tenant).json().path("items"))
        .isEmpty();
    assertThat(intruder.get("/internal/audit", "X-Vigil-Tenant", tenant).json().path("items")).isEmpty();
  }

  @Test
  void anAdministratorReachesOnlyTheirOwnTenantsFlags() {
    usePlaybook("FREEZE");
    InternalApi intruder = api.as("t-" + UUID.randomUUID());

    assertProblem(intruder.get("/admin/tenants/" + tenant + "/flags"), 404, "not-found");
    assertProblem(intruder.put("/admin/tenants/" + tenant + "/flags", "{\"mode\":\"monitor\"}"), 404, "not-found");
    JsonNode flags = api.get("/admin/tenants/" + tenant + "/flags").json();
    assertThat(flags.path("mode").isNull()).as("unchanged by the intruder").isTrue();
    assertThat(flags.path("playbookActions")).extracting(JsonNode::asText).containsExactly("FREEZE");
  }

  @Test
  void anAnalystIsForbiddenTheAdminRoutesAnAdministratorMayUseTheInternalOnes() {
    assertProblem(api.getWith(api.analystToken(), "/admin/tenants/" + tenant + "/flags"), 403, "forbidden");
    assertThat(api.getWith(api.analystToken(), INCIDENTS).status()).isEqualTo(200);
    assertThat(api.getWith(api.adminToken(), INCIDENTS).status()).as("ADMIN includes ANALYST").isEqualTo(200);
  }

  @Test
  void internalCallsNeedTheAccessTokenOfAnAnalyst() {
    assertProblem(api.getAnonymously(INCIDENTS), 401, "unauthenticated");
  }

  @Test
  void twoAnalystsAckingAtOnceExactlyOneWinsTheOtherGetsAConflict() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    CyclicBarrier start = new CyclicBarrier(2);

    List<CompletableFuture<Answer>> acks = new ArrayList<>();
    for (String verdict : List.of("confirmed", "false_positive")) {
      acks.add(CompletableFuture.supplyAsync(() -> {
        await(start);
        return api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"" + verdict + "\"}");
      }));
    }

    List<Answer> answers = acks.stream().map(CompletableFuture::join).toList();
    assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
    Answer loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertProblem(loser, 409, "incident-conflict");
    Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    JsonNode stored = api.get(INCIDENTS + "/" + id).json().path("incident");
    assertThat(stored.path("status").asText()).isEqualTo(winner.json().path("incident").path("status").asText());
    assertThat(stored.path("version").asInt()).as("one change, not two").isEqualTo(
        winner.json().path("incident").path("version").asInt());
  }

  @Test
  void rollbackDuringAnEnforcementInFlightUndoesItInsteadOfLosingIt() throws Exception {
    usePlaybook("FREEZE");
    trainAlice();
    GatedAccountControl.Gate gate = accounts.close(tenant, alice);
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();
    assertThat(gate.awaitEntered()).as("the freeze started").isTrue();
    assertThat(api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}").status()).isEqualTo(200);

    CompletableFuture<Answer> rollback = CompletableFuture.supplyAsync(
        () -> api.post(INCIDENTS + "/" + id + "/rollback", ""));
    awaitABackendWaitingOnALock();
    assertThat(rollback).as("the rollback waits for the freeze in flight").isNotDone();
    gate.open();

    Answer answer = rollback.join();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(accounts.isFrozen(tenant, alice)).as("the freeze that finished first was undone").isFalse();
    JsonNode details = api.get(INCIDENTS + "/" + id).json();
    assertThat(statusOf(details, "FREEZE")).isEqualTo("UNDONE");
    assertThat(statusOf(details, "PAGE")).isIn("CANCELLED", "UNDONE");
    assertThat(details.path("incident").path("status").asText()).isEqualTo("ROLLED_BACK");
  }

  @Test
  void monitorModeRecordsActionsWithoutCarryingThemOut() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", """
        {"mode":"monitor","playbookActions":["FREEZE"],"playbookAt":80}""");
    trainAlice();

    Answer away = assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    assertThat(away.json().path("mode").asText()).as("the engine stamps the tenant's mode").isEqualTo("MONITOR");
    JsonNode details = api.get(INCIDENTS + "/" + onlyIncident().path("id").asText()).json();
    assertThat(statusOf(details, "FREEZE")).isEqualTo("RECORDED");
    assertThat(statusOf(details, "PAGE")).isEqualTo("RECORDED");
    assertThat(accounts.isFrozen(tenant, alice)).isFalse();
  }

  @Test
  void anActionTypeTheFlagsForbidIsRecordedAsNotAllowed() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", """
        {"allowedActions":["PAGE","REQUIRE_MFA"],"playbookActions":["FREEZE"],"playbookAt":80}""");
    trainAlice();

    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    String id = onlyIncident().path("id").asText();
    JsonNode details = awaitIncident(id, d -> statusOf(d, "PAGE").equals("DONE"));
    assertThat(statusOf(details, "FREEZE")).isEqualTo("NOT_ALLOWED");
    assertThat(accounts.isFrozen(tenant, alice)).isFalse();
  }

  @Test
  void aDisabledDetectorsSignalsOpenNoIncident() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", """
        {"disabledDetectors":["ANOMALY","NEW_DEVICE","NEW_COUNTRY","NEW_ASN","NEW_NETWORK","NEW_IP","UNUSUAL_HOUR",
                              "NEW_CITY"]}""");
    trainAlice();

    Answer away = assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    assertThat(api.get(INCIDENTS).json().path("items")).isEmpty();
    assertThat(away.json().path("signals").findValuesAsText("type")).as("the engine no longer raises them")
        .doesNotContain("NEW_DEVICE", "NEW_COUNTRY", "NEW_ASN", "NEW_NETWORK");
  }

  @Test
  void aDetectorSwitchedBackOnIsRaisedAgain() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", "{\"disabledDetectors\":[\"NEW_COUNTRY\"]}");
    trainAlice();
    api.put("/admin/tenants/" + tenant + "/flags", "{\"disabledDetectors\":[]}");

    Answer away = assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    assertThat(away.json().path("signals").findValuesAsText("type")).contains("NEW_COUNTRY");
  }

  @Test
  void falsePositiveRaisesTheSignalsThresholdsWhichCanBeReverted() throws Exception {
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    String id = onlyIncident().path("id").asText();

    JsonNode acked = api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}").json();

    JsonNode tunings = acked.path("tunings");
    assertThat(tunings).extracting(t -> t.path("signalType").asText()).contains("NEW_DEVICE", "NEW_COUNTRY");
    JsonNode step = tunings.get(0);
    assertThat(step.path("oldValue").asInt()).isEqualTo(80);
    assertThat(step.path("newValue").asInt()).isEqualTo(85);
    long stepId = step.path("id").asLong();
    assertThat(api.get("/internal/tuning").json()).hasSize(tunings.size());

    Answer reverted = api.post("/internal/tuning/" + stepId + "/revert", "");
    assertThat(reverted.status()).isEqualTo(200);
    assertThat(reverted.json().path("revertedAt").isNull()).isFalse();
    assertThat(jdbc.sql("SELECT incident_at FROM signal_thresholds WHERE tenant_id = ? AND signal_type = ?")
        .param(tenant).param(step.path("signalType").asText()).query(Integer.class).single()).isEqualTo(80);
    assertProblem(api.post("/internal/tuning/" + stepId + "/revert", ""), 409, "incident-conflict");
  }

  @Test
  void aRaisedThresholdKeepsTheSameScoreFromOpeningAnotherIncident() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", "{\"incidentAt\":70}");
    jdbc.sql("INSERT INTO signal_thresholds SELECT ?, t, 101 FROM unnest(ARRAY['ANOMALY','NEW_DEVICE','NEW_COUNTRY',"
        + "'NEW_ASN','NEW_NETWORK','NEW_IP','UNUSUAL_HOUR','NEW_CITY']) t").param(tenant).update();
    trainAlice();

    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));

    assertThat(api.get(INCIDENTS).json().path("items")).isEmpty();
  }

  @Test
  void replayOpensIncidentsUnderTheCurrentPolicyOnceAndOnlyRecordsTheirActions() throws Exception {
    api.put("/admin/tenants/" + tenant + "/flags", "{\"incidentAt\":101}");
    trainAlice();
    assess(aliceInSaoPaulo("away-1", "2026-10-13T09:30:00Z"));
    assertThat(api.get(INCIDENTS).json().path("items")).as("nothing opened at threshold 101").isEmpty();
    api.put("/admin/tenants/" + tenant + "/flags", "{\"incidentAt\":80,\"playbookActions\":[\"FREEZE\"],"
        + "\"playbookAt\":80}");

    Answer replay = api.post(INCIDENTS, "{\"replay\":{\"userId\":\"" + alice + "\"}}");

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().path("examined").asInt()).isEqualTo(13);
    assertThat(replay.json().path("incidentIds")).hasSize(1);
    JsonNode details = api.get(INCIDENTS + "/" + replay.json().path("incidentIds").get(0).asText()).json();
    assertThat(details.path("incident").path("origin").asText()).isEqualTo("replay");
    assertThat(statusOf(details, "FREEZE")).isEqualTo("RECORDED");
    assertThat(accounts.isFrozen(tenant, alice)).isFalse();
    Answer second = api.post(INCIDENTS, "{\"replay\":{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}}");
    assertThat(second.json().path("incidentIds")).as("a replay finds nothing twice").isEmpty();
  }

  @Test
  void analystOpensAnIncidentByHandAndListsByStatusAndSeverity() throws Exception {
    trainAlice();
    Answer created = api.post(INCIDENTS, """
        {"userId":"bob","severity":"critical","note":"reported by the help desk"}""");
    assertThat(created.status()).isEqualTo(201);
    Answer withLogin = api.post(INCIDENTS, """
        {"userId":"%s","eventIds":["home-3"],"severity":"medium"}""".formatted(alice));
    assertThat(withLogin.status()).isEqualTo(201);
    assertThat(withLogin.json().path("events")).hasSize(1);
    assertThat(api.post(INCIDENTS, "{\"userId\":\"" + alice + "\",\"eventIds\":[\"nope\"]}").status())
        .isEqualTo(400);

    JsonNode critical = api.get(INCIDENTS + "?severity=critical&status=OPEN").json().path("items");
    assertThat(critical).extracting(i -> i.path("subject").asText()).containsExactly("user:bob");
    assertThat(api.get(INCIDENTS + "?size=1&page=1").json().path("items")).hasSize(1);
    assertThat(api.get(INCIDENTS + "?status=CLOSED").json().path("items")).isEmpty();
  }

  @Test
  void rollbackOfAnIncidentWithoutAFalsePositiveVerdictIsAConflict() throws Exception {
    String id = api.post(INCIDENTS, "{\"userId\":\"bob\"}").json().path("incident").path("id").asText();

    assertProblem(api.post(INCIDENTS + "/" + id + "/rollback", ""), 409, "incident-conflict");
  }

  @Test
  void manualForceLogoutFreezeAndUnfreezeTakeEffectAtOnceAndAreAudited() throws Exception {
    String carol = api.registered("carol@example.test");
    String laptop = api.loggedIn("carol@example.test").path("access_token").asText();
    String laptopSession = openSessions(carol).getFirst();
    String phone = api.loggedIn("carol@example.test").path("access_token").asText();

    Answer logout = api.post("/internal/sessions/force-logout", """
        {"userId":"%s","sessionIds":["%s"]}""".formatted(carol, laptopSession));
    assertThat(logout.status()).as(logout.body()).isEqualTo(200);
    assertThat(openSessions(carol)).hasSize(1).doesNotContain(laptopSession);
    assertThat(api.getWith(laptop, "/auth/me").status()).isEqualTo(401);
    assertThat(api.getWith(phone, "/auth/me").status()).isEqualTo(200);
    assertThat(api.post("/internal/users/" + carol + "/freeze", "").status()).isEqualTo(200);
    assertThat(accounts.isFrozen(tenant, carol)).isTrue();
    assertThat(api.getWith(phone, "/auth/me").status()).as("frozen at once").isEqualTo(401);
    assertThat(api.post("/internal/users/" + carol + "/unfreeze", "").status()).isEqualTo(200);
    assertThat(accounts.isFrozen(tenant, carol)).isFalse();
    assertThat(api.getWith(phone, "/auth/me").status()).isEqualTo(200);

    JsonNode audit = api.get("/internal/audit").json();
    assertThat(audit.path("items")).extracting(e -> e.path("action").asText())
        .containsExactly("enforce.unfreeze", "enforce.freeze", "enforce.force_logout");
    assertThat(audit.path("items")).extracting(e -> e.path("actor").asText()).as("the analyst's account id")
        .containsOnly(api.analystId());
  }

  @Test
  void auditVerifierNamesARowThatWasChangedInTheDatabase() throws Exception {
    writeThreeAuditEntries();
    assertThat(api.post("/internal/audit/verify", "").json().path("intact").asBoolean()).isTrue();

    tamper("UPDATE audit_log SET details = '{\"mode\":\"ENFORCE\"}' WHERE tenant_id = ? AND seq = 2");

    JsonNode verification = api.post("/internal/audit/verify", "").json();
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(2);
    assertThat(verification.path("reason").asText()).contains("changed");
  }

  @Test
  void auditVerifierNamesTheRowAfterADeletedOne() throws Exception {
    writeThreeAuditEntries();

    tamper("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 2");

    JsonNode verification = api.post("/internal/audit/verify", "").json();
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(3);
    assertThat(verification.path("reason").asText()).contains("missing");
  }

  @Test
  void auditLogRefusesUpdatesFromTheApplication() throws Exception {
    writeThreeAuditEntries();

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'x' WHERE tenant_id = ?").param(tenant).update())
        .hasMessageContaining("append-only");
  }

  @Test
  void concurrentAuditAppendsFormOneUnbrokenChain() throws Exception {
    List<CompletableFuture<Answer>> puts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int at = 70 + i;
      puts.add(CompletableFuture.supplyAsync(
          () -> api.put("/admin/tenants/" + tenant + "/flags", "{\"incidentAt\":" + at + "}")));
    }
    puts.forEach(CompletableFuture::join);

    JsonNode verification = api.post("/internal/audit/verify", "").json();
    assertThat(verification.path("intact").asBoolean()).isTrue();
    assertThat(verification.path("rowsChecked").asLong()).isEqualTo(8);
  }

  @Test
  void exposesTheIncidentMetricsForPrometheus() throws Exception {
    double before = scrapeValue("risk_login_forced_logout_total");
    String dave = api.registered("dave@example.test");
    api.loggedIn("dave@example.test");
    api.post("/internal/sessions/force-logout", "{\"userId\":\"" + dave + "\"}");

    String scrape = api.get("/actuator/prometheus").body();

    assertThat(scrape).contains("risk_login_high_risk_total", "risk_login_false_positive_total",
        "risk_login_rollback_total", "risk_login_response_latency_seconds_bucket{le=\"0.1",
        "risk_login_response_latency_seconds_count");
    assertThat(scrapeValue("risk_login_forced_logout_total")).isEqualTo(before + 1);
  }

  // --- fixtures ---

  private void trainAlice() {
    for (int day = 1; day <= 12; day++) {
      assess(aliceFrom("home-" + day, "2026-10-%02dT09:00:00Z".formatted(day), "81.2.69.160", CHROME_ON_WINDOWS,
          BERLIN));
    }
  }

  /** Twelve daily logins from home at this time of day, the last one a day before {@code end}. */
  private void trainAliceUntil(Instant end) {
    for (int day = 1; day <= 12; day++) {
      assess(aliceFrom("home-" + day, end.minus(13 - day, ChronoUnit.DAYS).toString(), "81.2.69.160",
          CHROME_ON_WINDOWS, BERLIN));
    }
  }

  private String aliceInSaoPaulo(String eventId, String timestamp) {
    return aliceFrom(eventId, timestamp, "200.160.2.3", SAFARI_ON_MAC, SAO_PAULO);
  }

  private String aliceFrom(String eventId, String timestamp, String ip, String userAgent, String geo) {
    String device = userAgent.equals(CHROME_ON_WINDOWS) ? "d-home" : "d-" + userAgent.hashCode();
    return """
        {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"%s","outcome":"SUCCESS","ip":"%s",
         "userAgent":"%s","deviceId":"%s","geo":%s}""".formatted(eventId, tenant, alice, timestamp, ip, userAgent,
        device, geo);
  }

  private Answer assess(String json) {
    Answer answer = api.post("/api/v1/assess", json);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private void usePlaybook(String... actions) {
    String list = String.join("\",\"", actions);
    Answer put = api.put("/admin/tenants/" + tenant + "/flags",
        "{\"playbookActions\":[\"" + list + "\"],\"playbookAt\":80}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private void writeThreeAuditEntries() {
    for (int at : new int[] {70, 75, 80}) {
      assertThat(api.put("/admin/tenants/" + tenant + "/flags", "{\"incidentAt\":" + at + "}").status()).isEqualTo(200);
    }
  }

  /** Changes audit rows as a superuser would, around the append-only trigger. */
  private void tamper(String sql) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("SET LOCAL session_replication_role = replica").update();
      jdbc.sql(sql).param(tenant).update();
    });
  }

  /** Alice logs in to the login service from her usual address, browser and device. */
  private JsonNode aliceLogsInAtHome() {
    Answer login = api.login(ALICE, InternalApi.PASSWORD, "81.2.69.160", CHROME_ON_WINDOWS, "d-home");
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json();
  }

  /** The user's sessions that are open now, as the login service's request filter sees them. */
  private List<String> openSessions(String userId) {
    return jdbc.sql("""
            SELECT id::text FROM sessions
             WHERE tenant_id = ? AND user_id = ?::uuid AND ended_at IS NULL AND expires_at > now()
             ORDER BY created_at, id""")
        .param(tenant).param(userId).query(String.class).list();
  }

  private JsonNode onlyIncident() {
    JsonNode items = api.get(INCIDENTS).json().path("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private JsonNode awaitIncident(String id, Predicate<JsonNode> condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    JsonNode details = api.get(INCIDENTS + "/" + id).json();
    while (!condition.test(details)) {
      assertThat(Instant.now()).as("waited for the incident's actions: " + details).isBefore(deadline);
      Thread.sleep(20);
      details = api.get(INCIDENTS + "/" + id).json();
    }
    return details;
  }

  private void awaitABackendWaitingOnALock() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (jdbc.sql("""
            SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'
               AND query LIKE '%incident_actions%ORDER BY id DESC FOR UPDATE%'""")
        .query(Long.class).single() == 0) {
      assertThat(Instant.now()).as("a rollback waiting on the action's row lock").isBefore(deadline);
      Thread.sleep(10);
    }
  }

  private static String statusOf(JsonNode details, String action) {
    for (JsonNode a : details.path("actions")) {
      if (a.path("action").asText().equals(action)) {
        return a.path("status").asText();
      }
    }
    return "absent";
  }

  private static List<String> signals(JsonNode assessment) {
    List<String> types = new ArrayList<>();
    assessment.path("signals").forEach(s -> types.add(s.path("type").asText()));
    return types;
  }

  private long unreadAlertsOf(String eventId) {
    return jdbc.sql("SELECT count(*) FROM security_alerts WHERE tenant_id = ? AND event_id = ? AND NOT acknowledged")
        .param(tenant).param(eventId).query(Long.class).single();
  }

  /**
   * The CloudEvents the tenant's webhook received, in order of arrival, once there are {@code count} of them; each
   * was sent in structured mode and signed.
   */
  private List<JsonNode> webhookEvents(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    List<RecordingEndpoint.Request> received = cloudEventsOfTheTenant();
    while (received.size() < count) {
      assertThat(Instant.now()).as("the webhook received " + received.size() + " events").isBefore(deadline);
      Thread.sleep(20);
      received = cloudEventsOfTheTenant();
    }
    assertThat(received).allSatisfy(r -> assertThat(r.signature()).isNotBlank());
    return received.stream().map(r -> InternalApiJson.read(r.body())).toList();
  }

  /** PagerDuty's events for the incident (its id is the dedup key), in order, once there are {@code count}. */
  private List<JsonNode> pagerDutyEvents(String incidentId, int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    List<RecordingEndpoint.Request> received = IncidentEndpoints.PAGERDUTY.acceptedWith(incidentId);
    while (received.size() < count) {
      assertThat(Instant.now()).as("PagerDuty received " + received.size() + " events").isBefore(deadline);
      Thread.sleep(20);
      received = IncidentEndpoints.PAGERDUTY.acceptedWith(incidentId);
    }
    List<JsonNode> events = received.stream().map(r -> InternalApiJson.read(r.body())).toList();
    assertThat(events).allSatisfy(e -> assertThat(e.path("dedup_key").asText()).isEqualTo(incidentId));
    return events;
  }

  /** The webhook also receives the tenant's alerts; security events are the structured-mode CloudEvents. */
  private List<RecordingEndpoint.Request> cloudEventsOfTheTenant() {
    return IncidentEndpoints.WEBHOOK.acceptedWith(tenant).stream()
        .filter(r -> r.contentType() != null && r.contentType().startsWith("application/cloudevents+json"))
        .toList();
  }

  private double scrapeValue(String name) {
    for (String line : api.get("/actuator/prometheus").body().lines().toList()) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  private static JsonNode assertProblem(Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/" + type);
    assertThat(problem.path("title").asText()).isNotBlank();
    return problem;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses stored JSON for assertions. */
  private static final class InternalApiJson {
    static JsonNode read(String text) {
      try {
        return InternalApi.JSON.readTree(text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
