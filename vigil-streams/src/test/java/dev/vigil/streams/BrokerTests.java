package dev.vigil.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Shared set-up of the tests against a real (embedded KRaft) broker. */
final class BrokerTests {
  private BrokerTests() {}

  /** One broker configured for transactions on a single node. */
  static EmbeddedKafkaKraftBroker broker(String... topics) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6, topics);
    broker.brokerProperties(Map.of(
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "offsets.topic.replication.factor", "1",
        "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    return broker;
  }

  /** Short timeouts so that a dead instance is noticed in seconds, not the default 45. */
  static Map<String, Object> streamsOverrides() {
    return Map.of(
        "session.timeout.ms", 6_000,
        "heartbeat.interval.ms", 1_000,
        "commit.interval.ms", 100,
        "producer.transaction.timeout.ms", 10_000);
  }

  static StreamsSettings settings(String inputPattern) {
    return StreamsSettings.defaults().withInputPattern(Pattern.compile(inputPattern)).withSnapshotEveryEvents(300);
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    props.put("enable.idempotence", true);
    props.put("linger.ms", 5);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends one event keyed by tenant+user, as an identity provider that keeps a user's events in order does. */
  static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String json) {
    producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads {@code topic} from the start, committed records only, until {@code done} or the deadline. */
  static List<ConsumerRecord<String, String>> readCommitted(String bootstrap, String topic, Duration deadline,
      java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", "reader-" + System.nanoTime());
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    props.put("enable.auto.commit", false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + deadline.toNanos();
      while (System.nanoTime() < end && !done.test(records)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
