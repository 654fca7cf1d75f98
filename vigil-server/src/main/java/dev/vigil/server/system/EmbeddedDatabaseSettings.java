package dev.vigil.server.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} (or {@code VIGIL_DB_URL}) is set.
 *
 * @param dir the data directory; kept across restarts unless {@code ephemeral}
 * @param port the TCP port on 127.0.0.1; 0 picks a free one
 * @param ephemeral whether to start from an empty directory and delete it on shutdown (tests)
 */
@Validated
@ConfigurationProperties("vigil.embedded-db")
record EmbeddedDatabaseSettings(
    @DefaultValue("./data/postgres") Path dir,
    @DefaultValue("0") @PositiveOrZero @Max(65535) int port,
    @DefaultValue("false") boolean ephemeral) {}
