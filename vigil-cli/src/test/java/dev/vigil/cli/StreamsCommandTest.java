package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line of {@code vigil streams}; running it against a broker is vigil-streams' StreamsOnBrokerTest. */
final class StreamsCommandTest {

  @Test
  void requiresTheClusterAndTheApplicationId() {
    Run run = Run.vigil("streams", "--application-id", "vigil");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bootstrap-servers");
  }

  @Test
  void refusesAnInputPatternThatWouldConsumeItsOwnBlockedEvents() {
    Run run = Run.vigil("streams", "--bootstrap-servers", "localhost:9092", "--application-id", "vigil",
        "--input-pattern", "security\\.login\\..*");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must not match the output topic security.login.blocked");
  }

  @Test
  void refusesAnApplicationIdKafkaCannotUseAsATopicPrefix() {
    Run run = Run.vigil("streams", "--bootstrap-servers", "localhost:9092", "--application-id", "my app");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("applicationId may hold only");
  }

  @Test
  void isListedInTheHelp() {
    Run run = Run.vigil("--help");

    assertThat(run.out()).contains("streams");
  }
}
