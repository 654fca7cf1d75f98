package dev.vigil.server.ingest;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.engine.LoginPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes login events from Kafka into the {@link LoginPipeline}, at least once: a poll's records are parsed,
 * assessed and stored (the pipeline returns only when they are), and only then are their offsets committed. A crash
 * between the two re-reads the batch, and the pipeline answers a repeated eventId with the stored assessment
 * without assessing it again — so every event is assessed once (effectively once).
 *
 * <p>A record that is not a valid login event goes to the dead-letter topic unchanged, with headers
 * {@code vigil.dead-letter.reason}, {@code .topic}, {@code .partition}, {@code .offset}; its offset is committed only
 * once the dead letter is acknowledged. When the store is down the batch is not committed: the consumer seeks back
 * and reads it again after {@code retryBackoff}.
 *
 * <p>One platform thread owns the consumer (Kafka consumers are single-threaded). Logs name topics, partitions and
 * offsets, never an event's content.
 */
final class KafkaLoginIngest implements SmartLifecycle {
  static final String REASON = "vigil.dead-letter.reason";
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLoginIngest.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaIngestSettings settings;
  private final LoginPipeline pipeline;
  private final LoginEventReader reader;
  private volatile boolean running;
  private @Nullable Thread thread;
  private @Nullable KafkaConsumer<byte[], byte[]> consumer;

  KafkaLoginIngest(KafkaIngestSettings settings, LoginPipeline pipeline, LoginEventReader reader) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.reader = reader;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(),
        new ByteArraySerializer());
    consumer = created;
    running = true;
    thread = Thread.ofPlatform().name("vigil-kafka-ingest").start(() -> run(created, deadLetters));
  }

  @Override
  public synchronized void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread current2 = thread;
    if (current2 != null) {
      try {
        current2.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the pipeline (which is ready once the engine is recovered) and stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1_000;
  }

  private void run(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> deadLetters) {
    try (consumer; deadLetters) {
      consumer.subscribe(Pattern.compile(settings.topics()));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        try {
          handle(records, deadLetters);
          consumer.commitSync(nextOffsets(records));
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // Store down, broker refusing the dead letters, a commit that failed after a rebalance: nothing of the
          // batch is committed; read it again (the pipeline skips what it already stored).
          LOG.warn("Kafka ingest: a batch of {} records was not stored ({}); reading it again in {}",
              records.count(), e.getClass().getSimpleName(), settings.retryBackoff());
          rewind(consumer, records);
          sleep(settings.retryBackoff());
        }
      }
    } catch (WakeupException e) {
      // stop() woke the consumer up: leave the loop, close
    } catch (RuntimeException e) {
      LOG.error("Kafka ingest stopped: {}", e.getClass().getSimpleName(), e);
      running = false;
    }
  }

  private void handle(ConsumerRecords<byte[], byte[]> records, KafkaProducer<byte[], byte[]> deadLetters) {
    List<LoginEvent> events = new ArrayList<>(records.count());
    List<ConsumerRecord<byte[], byte[]>> origins = new ArrayList<>(records.count());
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byte[] value = record.value();
      if (value == null || value.length == 0) {
        sent.add(deadLetters.send(deadLetter(record, "empty record: no login event")));
        continue;
      }
      try {
        events.add(reader.read(value, 0, value.length));
        origins.add(record);
      } catch (InvalidEventException e) {
        sent.add(deadLetters.send(deadLetter(record, e.getMessage())));
      }
    }
    if (!events.isEmpty()) {
      try {
        pipeline.assessAll(events);
      } catch (InvalidEventException e) {
        // One event holds text the store cannot keep, and the pipeline assessed none: one by one, to find it.
        for (int i = 0; i < events.size(); i++) {
          try {
            pipeline.assess(events.get(i));
          } catch (InvalidEventException invalid) {
            sent.add(deadLetters.send(deadLetter(origins.get(i), invalid.getMessage())));
          }
        }
      }
    }
    for (Future<RecordMetadata> future : sent) {
      await(future);
    }
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, @Nullable String reason) {
    LOG.info("Kafka ingest: {}-{}@{} is not a valid login event; sent to {}", record.topic(), record.partition(),
        record.offset(), settings.deadLetterTopic());
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(settings.deadLetterTopic(), null, record.key(),
        record.value(), record.headers());
    out.headers().add(REASON, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
    out.headers().add("vigil.dead-letter.topic", record.topic().getBytes(StandardCharsets.UTF_8));
    out.headers().add("vigil.dead-letter.partition",
        Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
    out.headers().add("vigil.dead-letter.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static void await(Future<RecordMetadata> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("dead letter not acknowledged", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> part = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(part.getLast().offset() + 1));
    }
    return offsets;
  }

  private static void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (consumer.assignment().contains(partition)) {
        consumer.seek(partition, records.records(partition).getFirst().offset());
      }
    }
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>(settings.consumer());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Producers writing transactionally (vigil-streams, a transactional IdP relay): never read aborted events.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-ingest");
    return props;
  }

  private Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>();
    settings.consumer().forEach((name, value) -> {
      if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
        props.put(name, value);
      }
    });
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-ingest-dead-letters");
    return props;
  }
}
