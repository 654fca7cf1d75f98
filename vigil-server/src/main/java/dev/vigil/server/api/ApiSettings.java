package dev.vigil.server.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engine API's request handling.
 *
 * @param defaultTenant the tenant of events that name none and come without an API key (the login service's own);
 *     on {@code /api/**} the key's tenant is used instead
 * @param maxBodyBytes the largest body of {@code POST /api/v1/assess}; larger ones get 413
 * @param maxBatchEvents the most events in one {@code POST /api/v1/events}; more get 413
 * @param maxBatchBytes the largest body of {@code POST /api/v1/events}; larger ones get 413
 */
@Validated
@ConfigurationProperties("vigil.api")
public record ApiSettings(
    @DefaultValue("default") @NotBlank String defaultTenant,
    @DefaultValue("65536") @Positive int maxBodyBytes,
    @DefaultValue("10000") @Positive int maxBatchEvents,
    @DefaultValue("16777216") @Positive int maxBatchBytes) {}
