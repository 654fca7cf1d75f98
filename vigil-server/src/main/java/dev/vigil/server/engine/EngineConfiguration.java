package dev.vigil.server.engine;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.api.ApiSettings;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine, configured from the files of {@code vigil.engine.*} and rebuilt from PostgreSQL (newest snapshot
 * plus the events after it) before the server takes requests; and the writer that stores what it assesses.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
  @Bean
  EngineSettings engineSettings(EngineFileSettings files) {
    return EngineFiles.settings(files);
  }

  /** Closed at shutdown (an MMDB lookup holds memory-mapped files). */
  @Bean
  GeoLookup geoLookup(EngineFileSettings files) {
    return EngineFiles.geo(files);
  }

  /** The engine's enricher shares the user-agent parser (and its cache) that stores the display form. */
  @Bean
  Enricher enricher(EngineFileSettings files, GeoLookup geoLookup, UserAgentParser userAgentParser) {
    return new Enricher(geoLookup, EngineFiles.classifier(files), userAgentParser);
  }

  @Bean
  EngineBlueprint engineBlueprint(EngineSettings settings, Enricher enricher) {
    return () -> VigilEngine.builder().settings(settings).enricher(enricher);
  }

  @Bean
  RecoveredEngine recoveredEngine(EngineBlueprint blueprint, SnapshotStore snapshots,
      DataSource dataSource, TransactionTemplate transactions, SnapshotSettings snapshotSettings,
      WriterSettings writerSettings) {
    return new EngineRecovery(snapshots, dataSource, transactions, snapshotSettings.replayLogEvery(),
        writerSettings.knownEvents())
        .recover(blueprint::newBuilder);
  }

  /** Only {@link LoginPipeline} may drive it (it is single-threaded); the bean exists for read-only wiring. */
  @Bean
  VigilEngine vigilEngine(RecoveredEngine recovered) {
    return recovered.engine();
  }

  /** Closed after {@link LoginPipeline}, which depends on it: the pipeline's final snapshot goes through it. */
  @Bean(destroyMethod = "close")
  LoginWriter loginWriter(LoginStore store, WriterSettings settings, RecoveredEngine recovered) {
    return new LoginWriter(store, settings, recovered.lastSeq());
  }

  @Bean
  LoginEventReader loginEventReader(ApiSettings settings, Clock clock) {
    return LoginEventReader.withDefaultTenant(settings.defaultTenant(), clock);
  }

  @Bean
  UserAgentParser userAgentParser() {
    return new UserAgentParser(10_000);
  }
}
