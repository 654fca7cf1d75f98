package dev.vigil.server.notify;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;

/**
 * Incident response's security events to Kafka: the CloudEvents 1.0 envelope as the value (structured mode, header
 * {@code content-type: application/cloudevents+json}), keyed by tenant so that one tenant's events stay in order on
 * one partition, to the topic named after the event type ({@code security.login.blocked},
 * {@code security.login.rollback}). A send counts as delivered only once the broker acknowledged it ({@code acks=all},
 * idempotent producer); anything else is a failure the outbox retries with back-off. A retry after an
 * acknowledgement that got lost can write the event twice: consumers de-duplicate by the CloudEvent {@code id}, which
 * is stable.
 */
final class KafkaSender implements Sender, DisposableBean {
  private final KafkaEventSettings settings;
  private final KafkaProducer<String, String> producer;

  KafkaSender(KafkaEventSettings settings) {
    this.settings = settings;
    Map<String, Object> props = new HashMap<>(settings.producer());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-security-events");
    // The outbox retries with its own back-off; the producer gives up within the send timeout.
    int timeout = (int) settings.sendTimeout().toMillis();
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  @Override
  public Channel channel() {
    return Channel.KAFKA;
  }

  @Override
  public Delivery send(OutboxMessage message) {
    if (!(message.notice() instanceof Notice.SecurityEventRaised event)) {
      return new Delivery.Undeliverable("Kafka carries security events only, not " + message.notice().kind());
    }
    ProducerRecord<String, String> record = new ProducerRecord<>(settings.topicPrefix() + event.type(),
        message.tenantId(), event.cloudEvent());
    record.headers().add("content-type", WebhookSender.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get(settings.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return Delivery.delivered();
    } catch (ExecutionException e) {
      return new Delivery.Failed("Kafka refused or timed out: " + e.getCause().getClass().getSimpleName());
    } catch (TimeoutException e) {
      return new Delivery.Failed("Kafka did not acknowledge within " + settings.sendTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery.Failed("interrupted");
    } catch (RuntimeException e) {
      // e.g. the producer could not fetch metadata within max.block.ms
      return new Delivery.Failed("Kafka unavailable: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void destroy() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
