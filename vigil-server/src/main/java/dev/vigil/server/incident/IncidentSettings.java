package dev.vigil.server.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Incidents and their feedback.
 *
 * @param tuningStep how much a false positive raises the incident threshold of each signal type involved
 * @param tuningMax the highest a signal type's threshold can be tuned to (101 would silence it: not allowed)
 * @param replayLimit most stored assessments one replay request examines
 * @param rollbackRetryInterval how often partial rollbacks are retried
 */
@Validated
@ConfigurationProperties("vigil.incident")
public record IncidentSettings(
    @DefaultValue("5") @Min(1) @Max(50) int tuningStep,
    @DefaultValue("95") @Min(1) @Max(100) int tuningMax,
    @DefaultValue("10000") @Min(1) int replayLimit,
    @DefaultValue("PT5S") Duration rollbackRetryInterval) {}
