package dev.vigil.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.AssessmentJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The broker drill: the only broker is killed (SIGKILL) and later stopped (SIGTERM), and each time started again on
 * the same ports and log directory after a five-second outage, while a producer keeps producing and one Vigil
 * Streams instance keeps running.
 * Nothing is done by hand in between: the producer retries (idempotent, a delivery timeout longer than the outage),
 * the application reconnects by itself, and afterwards every produced eventId has exactly one assessment in the
 * output as a {@code read_committed} consumer sees it.
 */
final class BrokerRestartTest {
  private static final String INPUT = "security.login.restart";
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  /**
   * How long the broker stays down each time. A producer whose only broker is gone blocks in {@code send()} once
   * it has dropped its metadata (up to {@code max.block.ms}) and retries what it had buffered after the restart.
   */
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  /** Paced so that production spans both outages: about 100 events/s for about 20 s. */
  private static final int PACE_EVENTS = 15;
  private static final long PACE_PAUSE_MS = 150;

  @Test
  void brokerKilledAndStoppedMidStreamLosesNoEventAssessesNoneTwiceAndTheAppRecoversByItself() throws Exception {
    List<LoginEvent> events = SimulatedTraffic.events(17, 100, 7);
    int total = events.size();
    try (ChildBroker broker = ChildBroker.start("restart-drill")) {
      broker.createTopics(INPUT);
      String bootstrap = broker.bootstrap();
      StreamsConnection connection = new StreamsConnection(bootstrap, "vigil-restart",
          StateDirectories.fresh("vigil-restart"), 1, BrokerTests.streamsOverrides());
      try (VigilStreams app = VigilStreams.start(connection, BrokerTests.settings("security\\.login\\.restart"), 6,
          (short) 1)) {
        awaitRunning(app);
        Production production = new Production(producer(bootstrap), events);
        Thread producing = Thread.ofPlatform().name("drill-producer").start(production);

        awaitSent(production, total / 5);
        awaitCommitted(bootstrap, 50);
        long drill = System.nanoTime();
        broker.kill();
        Thread.sleep(OUTAGE.toMillis()); // the drill's outage; the producer keeps calling send() meanwhile
        broker.restart();
        awaitSent(production, total * 3 / 5); // the producer got going again
        broker.stop();
        Thread.sleep(OUTAGE.toMillis());
        broker.restart();
        producing.join(PATIENCE.toMillis());

        assertThat(producing.isAlive()).as("producer still sending after " + PATIENCE).isFalse();
        assertThat(production.failures).as("sends that failed despite the producer's retries").isEmpty();
        Set<String> produced = new HashSet<>();
        events.forEach(event -> produced.add(event.eventId()));
        assertAssessedExactlyOnce(bootstrap, produced);
        awaitRunning(app);
        System.out.printf(java.util.Locale.ROOT, "broker drill: %,d events each assessed once, %.1f s after the kill%n",
            total, (System.nanoTime() - drill) / 1e9);
      }
    }
  }

  /** Sends the events in order, paced; counts what was handed to the producer and which sends failed for good. */
  private static final class Production implements Runnable {
    private final KafkaProducer<String, byte[]> producer;
    private final List<LoginEvent> events;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    Production(KafkaProducer<String, byte[]> producer, List<LoginEvent> events) {
      this.producer = producer;
      this.events = events;
    }

    @Override
    public void run() {
      try (producer) {
        for (LoginEvent event : events) {
          producer.send(new ProducerRecord<>(INPUT, VigilTopology.userKey(event),
              SimulatedTraffic.json(event).getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                if (error != null) {
                  failures.add(event.eventId() + ": " + error);
                }
              });
          if (sent.incrementAndGet() % PACE_EVENTS == 0) {
            Thread.sleep(PACE_PAUSE_MS);
          }
        }
        producer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Idempotent, acks=all, and willing to wait out a broker restart instead of failing the send. */
  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    props.put("enable.idempotence", true);
    props.put("linger.ms", 5);
    props.put("request.timeout.ms", 10_000);
    props.put("delivery.timeout.ms", (int) PATIENCE.toMillis());
    props.put("max.block.ms", PATIENCE.toMillis());
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static void awaitSent(Production production, int count) throws InterruptedException {
    BrokerTests.await(count + " events handed to the producer", PATIENCE, () -> production.sent.get() >= count);
  }

  private static void awaitCommitted(String bootstrap, int count) {
    List<?> committed = BrokerTests.readCommitted(bootstrap, Topics.ASSESSMENTS, PATIENCE,
        records -> records.size() >= count);
    assertThat(committed).as("assessments committed before the first kill").hasSizeGreaterThanOrEqualTo(count);
  }

  private static void awaitRunning(VigilStreams app) throws InterruptedException {
    BrokerTests.await("the instance running", PATIENCE, () -> app.state() == KafkaStreams.State.RUNNING);
  }

  /** Reads until every eventId is there, and one second more so that a late duplicate would be seen. */
  private static void assertAssessedExactlyOnce(String bootstrap, Set<String> eventIds) {
    Map<String, Integer> times = new HashMap<>();
    long[] complete = {0};
    BrokerTests.readCommitted(bootstrap, Topics.ASSESSMENTS, PATIENCE, records -> {
      records.forEach(record -> times.merge(AssessmentJson.read(record.value()).eventId(), 1, Integer::sum));
      records.clear();
      if (complete[0] == 0 && times.keySet().containsAll(eventIds)) {
        complete[0] = System.nanoTime();
      }
      return complete[0] != 0 && System.nanoTime() - complete[0] > 1_000_000_000L;
    });
    List<String> twice = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertThat(twice).as("events assessed more than once").isEmpty();
    assertThat(times.keySet()).as("events assessed").isEqualTo(eventIds);
  }
}
