package dev.vigil.server.retention;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long raw login data is kept. Shares the {@code vigil.privacy} prefix with the hashing settings: both are
 * about personal data, and operators look for them in one place.
 *
 * @param rawRetention how long after it was received an event keeps its raw JSON
 * @param retentionSweepInterval the pause between two sweeps (the first runs one interval after start)
 * @param retentionBatchSize rows cleared per statement, so that a first sweep over a large backlog does not hold
 *     one long transaction
 */
@Validated
@ConfigurationProperties("vigil.privacy")
record RetentionSettings(
    @DefaultValue("P30D") Duration rawRetention,
    @DefaultValue("PT1H") Duration retentionSweepInterval,
    @DefaultValue("1000") @Positive int retentionBatchSize) {

  RetentionSettings {
    if (rawRetention.isNegative()) {
      throw new IllegalArgumentException("vigil.privacy.raw-retention must not be negative: " + rawRetention);
    }
  }
}
