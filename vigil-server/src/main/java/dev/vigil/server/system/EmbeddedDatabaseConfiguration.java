package dev.vigil.server.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs PostgreSQL in-process when no database is configured, so that {@code ./vigil serve} works on a bare
 * machine and tests need no server. With {@code spring.datasource.url} set, this configuration stays out of the
 * way and Spring Boot's own data source takes over.
 *
 * <p>As root, the embedded binaries run PostgreSQL inside a user namespace ({@code unshare -U}), where it
 * appears as {@code nobody} but keeps root's ownership of the files it creates: the data directory must stay
 * owned by the user that starts Vigil (handing it to {@code nobody} makes initdb fail to set its permissions).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
  /** As {@code spring.datasource.hikari.connection-timeout} in application.properties (why: there). */
  private static final long DATABASE_CONNECTION_TIMEOUT_MILLIS = 5_000;

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
    Path dir = settings.dir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(settings.ephemeral())
        .setPort(settings.port())
        // Closed by this bean's destroy method, after everything that uses the database: zonky's own JVM shutdown
        // hook would stop PostgreSQL concurrently with Spring's, before the engine's shutdown snapshot is stored.
        .setRegisterShutdownHook(false)
        .start();
    LOG.info("embedded PostgreSQL started on 127.0.0.1:{} (data in {})", postgres.getPort(), dir);
    return postgres;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("vigil-embedded");
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(10);
    pool.setConnectionTimeout(DATABASE_CONNECTION_TIMEOUT_MILLIS);
    return pool;
  }

  /** True when neither {@code spring.datasource.url} nor {@code VIGIL_DB_URL} names a database. */
  static final class NoDatabaseConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
