package dev.vigil.server.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One login attempt as its user sees it: pseudonymised as stored (masked address, user-agent display form).
 *
 * @param eventId the attempt's id
 * @param occurredAt when it happened
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param failureReason why it failed
 * @param ip the masked address, e.g. {@code 81.2.69.xxx}
 * @param userAgent e.g. {@code Chrome 142 on Windows}
 * @param decision the engine's decision, absent when it could not assess the attempt
 * @param score the engine's score
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LoginHistoryEntry(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("occurred_at") Instant occurredAt,
    String outcome,
    @JsonProperty("failure_reason") @Nullable String failureReason,
    String ip,
    @JsonProperty("user_agent") @Nullable String userAgent,
    @Nullable String decision,
    @Nullable Integer score) {}
