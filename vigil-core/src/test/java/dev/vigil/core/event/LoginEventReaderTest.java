package dev.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginEventReaderTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-01T09:00:00Z"), ZoneOffset.UTC);
  private final LoginEventReader reader = LoginEventReader.strict(NOW);

  private static final String CONTRACT_EXAMPLE = """
      {"eventId":"e-1","tenantId":"acme","userId":"alice","timestamp":"2026-10-01T08:15:30Z",
       "outcome":"SUCCESS","failureReason":null,"ip":"81.2.69.160",
       "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)","deviceId":"d-7f3a",
       "geo":{"country":"DE","region":"BE","city":"Berlin","lat":52.52,"lon":13.40,"asn":3320,"asOrg":"Deutsche Telekom AG"},
       "authMethod":"password","sessionId":"s-9","attributes":{}}
      """;

  @Test
  void readsTheContractExample() {
    LoginEvent event = reader.read(CONTRACT_EXAMPLE);

    assertThat(event.eventId()).isEqualTo("e-1");
    assertThat(event.tenantId()).isEqualTo("acme");
    assertThat(event.userId()).isEqualTo("alice");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-10-01T08:15:30Z"));
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(event.ip().canonical()).isEqualTo("81.2.69.160");
    assertThat(event.geo()).isEqualTo(new Geo("DE", "BE", "Berlin", 52.52, 13.40, 3320L, "Deutsche Telekom AG"));
    assertThat(event.deviceId()).isEqualTo("d-7f3a");
    assertThat(event.truncatedFields()).isEmpty();
  }

  @Test
  void writerAndReaderAreInverses() {
    LoginEvent event = reader.read(CONTRACT_EXAMPLE);

    assertThat(reader.read(LoginEventWriter.toJson(event))).isEqualTo(event);
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> reader.read("""
        {"tenantId":"acme","timestamp":"2026-10-01T08:15:30Z","outcome":"SUCCESS","ip":"1.2.3.4"}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("userId"));
    assertThatThrownBy(() -> reader.read("""
        {"tenantId":"acme","userId":"a","outcome":"SUCCESS","ip":"1.2.3.4"}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("timestamp"));
    assertThatThrownBy(() -> reader.read("""
        {"tenantId":"acme","userId":"a","timestamp":"2026-10-01T08:15:30Z","ip":"1.2.3.4"}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
    assertThatThrownBy(() -> reader.read("""
        {"userId":"a","timestamp":"2026-10-01T08:15:30Z","outcome":"SUCCESS","ip":"1.2.3.4"}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
  }

  @Test
  void namesTheInvalidField() {
    assertThatThrownBy(() -> reader.read(event("\"ip\":\"999.1.1.1\"")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.field()).isEqualTo("ip");
          assertThat(e.getMessage()).contains("999.1.1.1");
        });
    assertThatThrownBy(() -> reader.read(event("\"outcome\":\"MAYBE\"")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
    assertThatThrownBy(() -> reader.read(event("\"timestamp\":\"yesterday\"")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("timestamp"));
    assertThatThrownBy(() -> reader.read(event("\"geo\":{\"lat\":123}")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("geo.lat"));
    assertThatThrownBy(() -> reader.read(event("\"userId\":42")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("userId"));
  }

  @Test
  void refusesMalformedJsonAsTheWholeDocument() {
    assertThatThrownBy(() -> reader.read("{\"userId\":"))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("$"));
    assertThatThrownBy(() -> reader.read("[1,2]"))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("$"));
    assertThatThrownBy(() -> reader.read(CONTRACT_EXAMPLE + " {}"))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("$"));
  }

  @Test
  void refusesTimestampsMoreThanFiveMinutesAhead() {
    assertThat(reader.read(event("\"timestamp\":\"2026-10-01T09:04:59Z\"")).timestamp())
        .isEqualTo(Instant.parse("2026-10-01T09:04:59Z"));
    assertThatThrownBy(() -> reader.read(event("\"timestamp\":\"2026-10-01T09:05:01Z\"")))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.field()).isEqualTo("timestamp");
          assertThat(e.getMessage()).contains("future");
        });
  }

  @Test
  void truncatesOversizedStringsAndSaysSo() {
    String huge = "x".repeat(5000);
    LoginEvent event = reader.read(event("\"userAgent\":\"" + huge + "\""));

    assertThat(event.userAgent()).hasSize(EventLimits.MAX_STRING_LENGTH);
    assertThat(event.truncatedFields()).containsExactly("userAgent");
  }

  @Test
  void ignoresUnknownFields() {
    LoginEvent event = reader.read(event("\"extra\":{\"nested\":[1,2,{\"a\":null}]},\"more\":true"));

    assertThat(event.userId()).isEqualTo("alice");
  }

  @Test
  void derivesAStableEventIdWhenNoneIsGiven() {
    String noId = "{\"tenantId\":\"acme\",\"userId\":\"a\",\"timestamp\":\"2026-10-01T08:00:00Z\","
        + "\"outcome\":\"FAILURE\",\"failureReason\":\"BAD_PASSWORD\",\"ip\":\"2001:db8::7\"}";

    assertThat(reader.read(noId).eventId()).isEqualTo(reader.read(noId).eventId()).isNotBlank();
    assertThat(reader.read(noId).failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(reader.read(noId).ip().v4()).isFalse();
  }

  @Test
  void httpReaderFillsTheDefaultTenant() {
    LoginEventReader http = LoginEventReader.withDefaultTenant(EventLimits.DEFAULT_TENANT, NOW);

    LoginEvent event = http.read("{\"userId\":\"a\",\"timestamp\":\"2026-10-01T08:00:00Z\",\"outcome\":\"success\","
        + "\"ip\":\"1.2.3.4\"}");

    assertThat(event.tenantId()).isEqualTo("default");
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void neverPrintsIdentitiesInToString() {
    LoginEvent event = reader.read(CONTRACT_EXAMPLE);

    assertThat(event.toString()).doesNotContain("alice", "81.2.69", "Mozilla", "d-7f3a");
  }

  private static String event(String override) {
    String base = "\"eventId\":\"e-1\",\"tenantId\":\"acme\",\"userId\":\"alice\","
        + "\"timestamp\":\"2026-10-01T08:15:30Z\",\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69.160\"";
    String key = override.substring(0, override.indexOf(':'));
    String kept = java.util.Arrays.stream(base.split(","))
        .filter(part -> !part.startsWith(key))
        .reduce((a, b) -> a + "," + b).orElse("");
    return "{" + kept + "," + override + "}";
  }
}
