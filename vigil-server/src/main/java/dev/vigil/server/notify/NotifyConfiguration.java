package dev.vigil.server.notify;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The channels and the two ports with their defaults. {@link RecipientDirectory} and {@link AccountProtection}
 * are replaced by declaring another bean of the type (the login service and incident response will).
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {
  @Bean
  HttpPoster notifyHttpPoster(NotifySettings settings) {
    return new HttpPoster(settings.dispatch().sendTimeout());
  }

  @Bean
  LoginCheckLinks loginCheckLinks(NotifySettings settings) {
    return new LoginCheckLinks(settings.links());
  }

  @Bean
  @ConditionalOnMissingBean(RecipientDirectory.class)
  RecipientDirectory recipientDirectory(NotifySettings settings) {
    return new ConfiguredRecipients(settings);
  }

  @Bean
  @ConditionalOnMissingBean(AccountProtection.class)
  AccountProtection accountProtection() {
    return new NoAccountProtection();
  }

  @Bean
  Sender emailSender(NotifySettings settings, ObjectProvider<JavaMailSender> mail, RecipientDirectory recipients,
      LoginCheckLinks links, Clock clock) {
    return new EmailSender(settings, mail, recipients, links, new MailTemplates(), clock);
  }

  @Bean
  Sender slackSender(NotifySettings settings, HttpPoster http) {
    return new SlackSender(settings, http);
  }

  @Bean
  Sender webhookSender(NotifySettings settings, HttpPoster http, Clock clock) {
    return new WebhookSender(settings, http, clock);
  }

  /** Only with {@code vigil.events.kafka.enabled=true}: without it no Kafka message is ever enqueued. */
  @Bean
  @ConditionalOnBooleanProperty("vigil.events.kafka.enabled")
  Sender kafkaSender(KafkaEventSettings settings) {
    return new KafkaSender(settings);
  }

  @Bean
  Sender pagerDutySender(NotifySettings settings, HttpPoster http) {
    return new PagerDutySender(settings, http);
  }
}
