package dev.vigil.streams;

import java.nio.file.Path;

/**
 * A Vigil Streams instance in its own JVM, so that the fault drill can kill it with SIGKILL: no clean close, no
 * commit, an open transaction left behind. Arguments: bootstrap servers, application id, input pattern, state dir.
 * Prints {@code RUNNING} once it processes.
 */
final class DrillInstance {
  private DrillInstance() {}

  public static void main(String[] args) throws InterruptedException {
    StreamsConnection connection = new StreamsConnection(args[0], args[1], Path.of(args[3]), 1,
        BrokerTests.streamsOverrides());
    StreamsSettings settings = BrokerTests.settings(args[2]);
    VigilStreams instance = VigilStreams.start(connection, settings, 6, (short) 1);
    while (instance.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
      Thread.sleep(50);
    }
    System.out.println("RUNNING");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
