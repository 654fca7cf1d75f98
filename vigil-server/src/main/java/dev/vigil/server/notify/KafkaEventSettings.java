package dev.vigil.server.notify;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.events.kafka}: outbound security events to Kafka. Off by default, so the embedded default needs no
 * broker.
 *
 * @param enabled whether security events also go to Kafka (a {@link Channel#KAFKA} outbox message each)
 * @param bootstrapServers the cluster, {@code host:port[,…]}
 * @param topicPrefix prepended to the event type to name the topic: {@code security.login.blocked} and
 *     {@code security.login.rollback} with the default empty prefix (the topics vigil-streams writes too)
 * @param sendTimeout how long one send may wait for the broker's acknowledgement before it counts as failed (and
 *     is retried by the outbox with back-off)
 * @param producer further producer properties (security, compression …), {@code producer.<name>=value}
 */
@Validated
@ConfigurationProperties("vigil.events.kafka")
public record KafkaEventSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("") String topicPrefix,
    @DefaultValue("PT10S") Duration sendTimeout,
    @DefaultValue Map<String, String> producer) {}
