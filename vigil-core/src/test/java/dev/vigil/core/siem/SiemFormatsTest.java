package dev.vigil.core.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SIEM outputs against their documented layouts. */
final class SiemFormatsTest {
  private static final OutputContext CONTEXT = new OutputContext("0.1.0", "vigil-1.example");
  private static final Instant TIME = Instant.parse("2026-11-20T10:01:00.123Z");

  @Test
  void ocsfDetectionFindingCarriesClassRiskActionAndEvidence() throws Exception {
    JsonNode finding = new ObjectMapper().readTree(OutputFormat.OCSF.formatter(CONTEXT).format(denied(), event()));

    assertThat(finding.path("class_uid").asInt()).isEqualTo(2004);
    assertThat(finding.path("category_uid").asInt()).isEqualTo(2);
    assertThat(finding.path("activity_id").asInt()).isEqualTo(1);
    assertThat(finding.path("type_uid").asInt()).isEqualTo(200401);
    assertThat(finding.path("time").asLong()).isEqualTo(TIME.toEpochMilli());
    assertThat(finding.path("severity_id").asInt()).isEqualTo(5);
    assertThat(finding.path("severity").asText()).isEqualTo("Critical");
    assertThat(finding.path("risk_score").asInt()).isEqualTo(92);
    assertThat(finding.path("risk_level_id").asInt()).isEqualTo(4);
    assertThat(finding.path("action_id").asInt()).isEqualTo(2);
    assertThat(finding.path("disposition_id").asInt()).isEqualTo(2);
    assertThat(finding.path("is_alert").asBoolean()).isTrue();
    assertThat(finding.path("finding_info").path("uid").asText()).isEqualTo("vigil:acme:e-42");
    assertThat(finding.path("finding_info").path("types").get(0).asText()).isEqualTo("BRUTE_FORCE");
    JsonNode evidence = finding.path("evidences").get(0);
    assertThat(evidence.path("actor").path("user").path("name").asText()).isEqualTo("ali|ce=x");
    assertThat(evidence.path("src_endpoint").path("ip").asText()).isEqualTo("203.0.113.5");
    assertThat(evidence.path("src_endpoint").path("location").path("country").asText()).isEqualTo("BR");
    assertThat(evidence.path("src_endpoint").path("autonomous_system").path("number").asLong()).isEqualTo(28573);
    assertThat(finding.path("metadata").path("version").asText()).isEqualTo("1.3.0");
    assertThat(finding.path("metadata").path("product").path("version").asText()).isEqualTo("0.1.0");
    assertThat(finding.path("unmapped").path("actions").toString()).isEqualTo("[\"NOTIFY_USER\",\"BLOCK\"]");
  }

  @Test
  void cefEscapesPipeAndBackslashInTheHeaderAndEqualsBackslashAndBreaksInTheExtension() {
    String line = OutputFormat.CEF.formatter(new OutputContext("1|2\\3", "-")).format(denied(), event());

    assertThat(line).startsWith("CEF:0|Vigil|Vigil|1\\|2\\\\3|login-deny|Login deny: BRUTE_FORCE|10|");
    assertThat(line).contains(" suser=ali|ce\\=x ");
    assertThat(line).contains("src=203.0.113.5 ");
    assertThat(line).contains("rt=" + TIME.toEpochMilli());
    assertThat(line).contains("cn1Label=score cn1=92");
    assertThat(line).contains("cs2Label=signals cs2=BRUTE_FORCE,NEW_COUNTRY");
    assertThat(line).contains("msg=BRUTE_FORCE 6 failures in 15 min\\nfrom one network \\\\o/; NEW_COUNTRY");
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void cefEscapingRulesHoldForEachSpecialCharacter() {
    assertThat(CefFormatter.header("a|b\\c")).isEqualTo("a\\|b\\\\c");
    assertThat(CefFormatter.header("a=b")).as("= needs no escape in the header").isEqualTo("a=b");
    assertThat(CefFormatter.extension("a=b\\c|d\re\nf")).isEqualTo("a\\=b\\\\c|d\\re\\nf");
  }

  @Test
  void syslogLineFollowsRfc5424WithEscapedStructuredData() {
    String line = OutputFormat.SYSLOG.formatter(CONTEXT).format(denied(), event());

    // authpriv (10) * 8 + critical (2) = 82
    assertThat(line).startsWith("<82>1 2026-11-20T10:01:00.123Z vigil-1.example vigil - DENY [vigil@32473 eventId=\"e-42\" "
        + "tenant=\"acme\" user=\"ali|ce=x\" src=\"203.0.113.5\" outcome=\"FAILURE\" score=\"92\" level=\"CRITICAL\" "
        + "decision=\"DENY\" signals=\"BRUTE_FORCE,NEW_COUNTRY\"] DENY score 92 CRITICAL: ali|ce=x FAILURE (BAD_PASSWORD) "
        + "from 203.0.113.5: BRUTE_FORCE 6 failures in 15 min\\nfrom one network \\o/; NEW_COUNTRY");
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void syslogStructuredDataEscapesQuoteBackslashAndBracket() {
    Assessment odd = new Assessment("e\"]\\", "acme", "bob", TIME, Outcome.SUCCESS, 0, RiskLevel.LOW, Decision.ALLOW,
        List.of(), Set.of(), PolicyMode.ENFORCE, null, "test", 1);
    String line = OutputFormat.SYSLOG.formatter(new OutputContext("0", "host name")).format(odd, event());

    assertThat(line).startsWith("<86>1 2026-11-20T10:01:00.123Z host_name vigil - ALLOW [vigil@32473 eventId=\"e\\\"\\]\\\\\"");
  }

  @Test
  void jsonlIsTheAssessmentContract() {
    assertThat(OutputFormat.JSONL.formatter(CONTEXT).format(denied(), event()))
        .startsWith("{\"eventId\":\"e-42\",\"tenantId\":\"acme\"");
  }

  @Test
  void outputFormatNamesAreCaseInsensitiveAndUnknownOnesListed() {
    assertThat(OutputFormat.parse("CEF")).isEqualTo(OutputFormat.CEF);
    assertThatThrownBy(() -> OutputFormat.parse("leef")).hasMessageContaining("known: jsonl, ocsf, cef, syslog");
  }

  private static Assessment denied() {
    return new Assessment("e-42", "acme", "ali|ce=x", TIME, Outcome.FAILURE, 92, RiskLevel.CRITICAL, Decision.DENY,
        List.of(Signal.of(SignalType.BRUTE_FORCE, Severity.HIGH, "6 failures in 15 min\nfrom one network \\o/"),
            Signal.of(SignalType.NEW_COUNTRY, Severity.MEDIUM, "first login from BR; usual DE")),
        Set.of(Action.BLOCK, Action.NOTIFY_USER), PolicyMode.ENFORCE, null, "2026.11-1", 12);
  }

  private static LoginEvent event() {
    return new LoginEvent("e-42", "acme", "ali|ce=x", TIME, Outcome.FAILURE, FailureReason.BAD_PASSWORD,
        IpAddress.parse("203.0.113.5"), "curl/8.5.0", null,
        new Geo("BR", null, "São Paulo", -23.55, -46.63, 28573L, "Claro NXT"), "password", null, Map.of(), Set.of());
  }
}
