package dev.vigil.server.enforce;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An action as analysts see it.
 *
 * @param target {@code user:alice}, {@code source:81.2.69.xxx} or {@code incident:…} (never an address hash)
 * @param beforeState the JSON of {@link Applied} once carried out
 */
public record ActionView(long id, @Nullable String incidentId, String action, String target, String adapter,
    ActionStatus status, @Nullable String beforeState, int attempts, @Nullable String lastError, Instant createdAt,
    @Nullable Instant executedAt, @Nullable Instant undoneAt) {}
