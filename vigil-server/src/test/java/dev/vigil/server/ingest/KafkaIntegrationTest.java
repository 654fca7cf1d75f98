package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.VigilServer;
import dev.vigil.server.events.SecurityEvent;
import dev.vigil.server.events.SecurityEventPublisher;
import dev.vigil.server.events.SecurityEventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server with Kafka in and out, against a real broker (embedded KRaft): login events consumed from
 * {@code security.login.*} into the pipeline, offsets committed after they are stored, malformed records to the dead
 * letter topic; security events from the outbox to {@code security.login.blocked}. The one Spring context with Kafka
 * switched on (the {@code @ServerTest} properties plus {@code vigil.ingest.kafka} and {@code vigil.events.kafka}).
 */
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.access.demo-tenant=false",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "vigil.auth.password.memory-kib=1024",
    "vigil.auth.password.iterations=1",
    "vigil.engine.settings-file=src/test/resources/engine/settings.json",
    "vigil.engine.blocklist=src/test/resources/engine/blocklist.txt",
    "vigil.ingest.kafka.enabled=true",
    "vigil.ingest.kafka.group-id=vigil-server-test",
    "vigil.ingest.kafka.max-poll-records=50",
    "vigil.events.kafka.enabled=true"})
final class KafkaIntegrationTest {
  private static final String INPUT = "security.login.idp-test";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final EmbeddedKafkaKraftBroker BROKER = startBroker();

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private SecurityEventPublisher publisher;
  @Autowired
  private TransactionTemplate transactions;

  private static EmbeddedKafkaKraftBroker startBroker() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, INPUT, "vigil.dead-letter",
        "security.login.blocked");
    broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1", "group.initial.rebalance.delay.ms", "0",
        "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    return broker;
  }

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("vigil.ingest.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    registry.add("vigil.events.kafka.bootstrap-servers", BROKER::getBrokersAsString);
  }

  @AfterAll
  static void stopBroker() {
    BROKER.destroy();
  }

  /**
   * Every valid event stored and assessed once — also the one sent twice — the malformed one in the dead-letter
   * topic with its reason and origin, and the group's offsets committed to the end of the topic.
   */
  @Test
  void consumesLoginEventsIntoThePipelineOnceEachAndDeadLettersTheMalformed() throws Exception {
    String tenant = "kafka-" + UUID.randomUUID();
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < 120; i++) {
        String user = "user" + (i % 12);
        producer.send(new ProducerRecord<>(INPUT, tenant + "/" + user,
            event(tenant, "e-" + i, user, at.plusSeconds(i), i % 5 == 0 ? "FAILURE" : "SUCCESS")));
      }
      producer.send(new ProducerRecord<>(INPUT, tenant + "/user1", event(tenant, "e-7", "user1", at.plusSeconds(7),
          "FAILURE")));
      producer.send(new ProducerRecord<>(INPUT, "x", "{\"tenantId\":\"" + tenant + "\",\"ip\":\"999.1.1.1\"}"));
      producer.flush();
    }

    await("120 events stored", () -> stored(tenant) == 120);
    List<ConsumerRecord<String, String>> dead = read("vigil.dead-letter",
        records -> records.stream().anyMatch(r -> r.value().contains(tenant)));
    ConsumerRecord<String, String> letter = dead.stream().filter(r -> r.value().contains(tenant)).findFirst()
        .orElseThrow();
    assertThat(header(letter, KafkaLoginIngest.REASON)).isNotBlank();
    assertThat(header(letter, "vigil.dead-letter.topic")).isEqualTo(INPUT);
    await("offsets committed to the end", this::committedToTheEnd);
    assertThat(stored(tenant)).as("the repeated eventId is not stored twice").isEqualTo(120);
    assertThat(jdbc.sql("SELECT count(*) FROM assessments WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single()).isEqualTo(120);
  }

  /** A security event published in a transaction reaches Kafka through the outbox, as its CloudEvents envelope. */
  @Test
  void publishesSecurityEventsFromTheOutboxToKafkaAsCloudEvents() throws Exception {
    String tenant = "kafka-out-" + UUID.randomUUID();
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(status -> publisher.publish(new SecurityEvent(id,
        SecurityEventType.LOGIN_BLOCKED, Instant.now(), "BLOCK", null, "trace-1", 12, tenant, "user:alice")));

    List<ConsumerRecord<String, String>> records = read("security.login.blocked",
        found -> found.stream().anyMatch(r -> r.value().contains(id.toString())));
    ConsumerRecord<String, String> event = records.stream().filter(r -> r.value().contains(id.toString()))
        .findFirst().orElseThrow();
    assertThat(event.key()).isEqualTo(tenant);
    assertThat(event.value()).contains("\"specversion\":\"1.0\"").contains("\"type\":\"security.login.blocked\"");
    assertThat(header(event, "content-type")).isEqualTo("application/cloudevents+json");
    await("outbox message marked sent", () -> jdbc.sql(
        "SELECT count(*) FROM notification_outbox WHERE tenant_id = ? AND channel = 'kafka' AND status = 'delivered'")
        .param(tenant).query(Long.class).single() == 1);
  }

  private long stored(String tenant) {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant).query(Long.class).single();
  }

  private boolean committedToTheEnd() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.getBrokersAsString()))) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("vigil-server-test")
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < 3; p++) {
        latest.put(new TopicPartition(INPUT, p), OffsetSpec.latest());
      }
      var ends = admin.listOffsets(latest).all().get();
      // A partition none of the random tenant's keys hashed to has no records and so no committed offset: its end
      // is 0, and reading nothing from it is being at its end.
      return ends.entrySet().stream().allMatch(e -> {
        OffsetAndMetadata offset = committed.get(e.getKey());
        return (offset == null ? 0 : offset.offset()) == e.getValue().offset();
      });
    } catch (Exception e) {
      return false;
    }
  }

  private static String event(String tenant, String eventId, String user, Instant at, String outcome) {
    return "{\"eventId\":\"" + eventId + "\",\"tenantId\":\"" + tenant + "\",\"userId\":\"" + user
        + "\",\"timestamp\":\"" + at + "\",\"outcome\":\"" + outcome + "\""
        + ("FAILURE".equals(outcome) ? ",\"failureReason\":\"BAD_PASSWORD\"" : "")
        + ",\"ip\":\"81.2.69." + (10 + user.length()) + "\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64; rv:144.0)"
        + " Gecko/20100101 Firefox/144.0\"}";
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", BROKER.getBrokersAsString());
    props.put("acks", "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> read(String topic,
      Predicate<List<ConsumerRecord<String, String>>> done) {
    Properties props = new Properties();
    props.put("bootstrap.servers", BROKER.getBrokersAsString());
    props.put("group.id", "reader-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < end && !done.test(records)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(done.test(records)).as("expected records on " + topic).isTrue();
    return records;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
