package dev.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.policy.PolicyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSettingsTest {
  @Test
  void aPartialFileKeepsEveryOtherDefault() {
    EngineSettings settings = EngineSettings.fromJson("""
        {"defaults": {"policy": {"challengeAt": 45},
                      "detection": {"bruteForce": {"failures": 8, "window": "PT10M"}}},
         "tenants": {"acme": {"policy": {"mode": "MONITOR"}}}}
        """);

    TenantSettings other = settings.forTenant("globex");
    assertThat(other.policy().challengeAt()).isEqualTo(45);
    assertThat(other.policy().denyAt()).isEqualTo(TenantSettings.defaults().policy().denyAt());
    assertThat(other.detection().bruteForce().failures()).isEqualTo(8);
    assertThat(other.detection().bruteForce().window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(other.detection().spray()).isEqualTo(TenantSettings.defaults().detection().spray());

    TenantSettings acme = settings.forTenant("acme");
    assertThat(acme.policy().mode()).isEqualTo(PolicyMode.MONITOR);
    assertThat(acme.policy().challengeAt()).as("tenant entries build on the file's defaults").isEqualTo(45);
  }

  @Test
  void refusesUnknownKeysSoThatATypoCannotDisableARule() {
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": {\"policy\": {\"chalengeAt\": 45}}}"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("chalengeAt");
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"default\": {}}"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'default'");
  }

  @Test
  void refusesOutOfRangeValuesNamingTheSetting() {
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": {\"detection\": {\"bruteForce\": {\"failures\": 0}}}}"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("bruteForce.failures must be at least 2");
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": {\"policy\": {\"challengeAt\": 80, \"denyAt\": 60}}}"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("denyAt");
  }

  @Test
  void refusesMalformedJson() {
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": "))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void writtenSettingsReadBackEqual(@TempDir Path dir) throws Exception {
    EngineSettings original = EngineSettings.defaults()
        .withTenant("acme", TenantSettings.defaults().withPolicy(
            TenantSettings.defaults().policy().withMode(PolicyMode.MONITOR).withThresholds(40, 95)));
    Path file = dir.resolve("settings.json");
    Files.writeString(file, original.toJson());

    assertThat(EngineSettings.fromJson(file)).isEqualTo(original);
  }

  @Test
  void theExampleInTheConfigurationDocIsValid() throws Exception {
    String doc = Files.readString(Path.of("../docs/configuration.md"));
    String json = doc.substring(doc.indexOf("```json") + 7, doc.indexOf("```", doc.indexOf("```json") + 7));

    EngineSettings documented = EngineSettings.fromJson(json);

    assertThat(documented.forTenant("acme").policy().mode()).isEqualTo(PolicyMode.MONITOR);
    assertThat(documented.forTenant("other").detection()).isEqualTo(TenantSettings.defaults().detection());
    assertThat(documented.forTenant("other").policy()).isEqualTo(TenantSettings.defaults().policy());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> EngineSettings.fromJson(missing))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void anAllowedLoginTheEngineDoubtedTeachesLessThanATrustedOne() {
    TenantSettings settings = TenantSettings.defaults(); // trustedBelow 30, doubtedLearnWeight 0.2

    assertThat(settings.allowedLearnWeight(0)).isEqualTo(1f);
    assertThat(settings.allowedLearnWeight(29)).isEqualTo(1f);
    assertThat(settings.allowedLearnWeight(30)).isEqualTo(0.2f);
    assertThat(settings.allowedLearnWeight(49)).isEqualTo(0.2f);
    assertThat(EngineSettings.fromJson("{\"defaults\": {\"trustedBelow\": 101}}").forTenant("t")
        .allowedLearnWeight(49)).as("101 switches it off: every allowed login teaches in full").isEqualTo(1f);
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": {\"trustedBelow\": -1}}"))
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("trustedBelow");
    assertThatThrownBy(() -> EngineSettings.fromJson("{\"defaults\": {\"doubtedLearnWeight\": 2}}"))
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("doubtedLearnWeight");
  }
}
