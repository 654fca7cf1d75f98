package dev.vigil.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.enrich.Enricher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");

  /**
   * A user with twelve logins at home, then two logins from a laptop abroad an hour apart. The first one abroad is
   * challenged whoever made it.
   */
  private static Evaluator world(Path dir, boolean abroadIsAnAttacker) throws IOException {
    List<String> events = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int day = 0; day < 12; day++) {
      String id = "home-" + day;
      events.add(event(id, START.plusSeconds(day * 86_400L), "84.10.20." + (day + 1), "d-home", "DE", 52.52, 13.40,
          3320, "Deutsche Telekom AG"));
      labels.add(label(id, false));
    }
    for (int visit = 0; visit < 2; visit++) {
      String id = "abroad-" + visit;
      events.add(event(id, START.plusSeconds(14 * 86_400L + visit * 3_600L), "177.40.1.9", "d-laptop", "BR",
          -23.55, -46.63, 4230, "Claro S.A."));
      labels.add(label(id, abroadIsAnAttacker));
    }
    Path eventsFile = dir.resolve("events.jsonl");
    Path labelsFile = dir.resolve("labels.jsonl");
    Files.write(eventsFile, events);
    Files.write(labelsFile, labels);
    return Evaluator.load(eventsFile, labelsFile);
  }

  private static String event(String id, Instant at, String ip, String device, String country, double lat,
      double lon, int asn, String asOrg) {
    return """
        {"eventId":"%s","tenantId":"t","userId":"ana","timestamp":"%s","outcome":"SUCCESS","ip":"%s",\
        "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0","deviceId":"%s",\
        "geo":{"country":"%s","city":"c-%s","lat":%s,"lon":%s,"asn":%d,"asOrg":"%s"}}"""
        .formatted(id, at, ip, device, country, country, lat, lon, asn, asOrg);
  }

  private static String label(String id, boolean attack) {
    return attack
        ? "{\"eventId\":\"" + id + "\",\"label\":\"attack\",\"attackType\":\"ACCOUNT_TAKEOVER\","
            + "\"attackerModel\":\"naive\",\"campaignId\":\"c-1\"}"
        : "{\"eventId\":\"" + id + "\",\"label\":\"legit\"}";
  }

  private static EvaluationReport evaluate(Evaluator evaluator) {
    return evaluator.evaluate("test", EngineSettings.defaults(), Enricher.defaults());
  }

  @Test
  void anOwnerWhoPassesTheChallengeIsNotChallengedAgainOnTheSameLaptop(@TempDir Path dir) throws IOException {
    Evaluator evaluator = world(dir, false);
    assertThat(evaluator.challenges()).isEqualTo(Evaluator.Challenges.OWNERS_PASS);

    EvaluationReport passed = evaluate(evaluator);
    EvaluationReport unanswered = evaluate(evaluator.with(Evaluator.Challenges.UNANSWERED));

    assertThat(passed.atDecision().falsePositives()).isOne();
    assertThat(unanswered.atDecision().falsePositives()).isEqualTo(2);
  }

  @Test
  void anAttackerNeverPassesAChallengeSoTheReturnVisitIsChallengedToo(@TempDir Path dir) throws IOException {
    EvaluationReport report = evaluate(world(dir, true));

    assertThat(report.attackSuccesses()).isEqualTo(2);
    assertThat(report.atDecision().truePositives()).isEqualTo(2);
    assertThat(report.atDecision().falsePositives()).isZero();
  }
}
