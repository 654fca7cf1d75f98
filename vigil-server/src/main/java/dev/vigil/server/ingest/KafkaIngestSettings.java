package dev.vigil.server.ingest;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.ingest.kafka}: login events from Kafka. Off by default, so the embedded default needs no broker.
 *
 * @param enabled whether this instance consumes login events from Kafka
 * @param bootstrapServers the cluster, {@code host:port[,…]}
 * @param topics the input topics as a regular expression; the default is {@code security.login.*} without Vigil's
 *     own outbound {@code security.login.blocked} and {@code security.login.rollback}
 * @param groupId the consumer group: instances with the same group share the partitions
 * @param deadLetterTopic where records that are not valid login events go, unchanged, with the reason in headers
 * @param maxPollRecords events per poll, assessed and stored as one batch before their offsets are committed
 * @param retryBackoff wait before a batch that could not be stored is read again
 * @param consumer further consumer properties (security …), {@code consumer.<name>=value}
 */
@Validated
@ConfigurationProperties("vigil.ingest.kafka")
public record KafkaIngestSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("security\\.login\\.(?!blocked$|rollback$).+") String topics,
    @DefaultValue("vigil-server") String groupId,
    @DefaultValue("vigil.dead-letter") String deadLetterTopic,
    @DefaultValue("500") @Positive int maxPollRecords,
    @DefaultValue("PT1S") Duration retryBackoff,
    @DefaultValue Map<String, String> consumer) {}
