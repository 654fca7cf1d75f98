package dev.vigil.server.ingest;

import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.engine.LoginPipeline;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka consumer exists only with {@code vigil.ingest.kafka.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class KafkaIngestConfiguration {
  @Bean
  @ConditionalOnBooleanProperty("vigil.ingest.kafka.enabled")
  KafkaLoginIngest kafkaLoginIngest(KafkaIngestSettings settings, LoginPipeline pipeline, LoginEventReader reader) {
    return new KafkaLoginIngest(settings, pipeline, reader);
  }
}
