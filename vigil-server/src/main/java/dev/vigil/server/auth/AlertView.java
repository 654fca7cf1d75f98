package dev.vigil.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.server.alert.SecurityAlert;
import java.time.Instant;
import java.util.List;

/**
 * A security alert as its user sees it (login response, alert endpoints): no tenant, user or event id, no raw
 * address — the message holds only the signals' explanations.
 */
public record AlertView(
    long id,
    String type,
    String severity,
    String message,
    @JsonProperty("signal_types") List<String> signalTypes,
    int score,
    String decision,
    boolean acknowledged,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("created_at") Instant createdAt) {

  public AlertView {
    signalTypes = List.copyOf(signalTypes);
  }

  public static AlertView of(SecurityAlert alert) {
    return new AlertView(alert.id(), alert.type(), alert.severity(), alert.message(), alert.signalTypes(),
        alert.score(), alert.decision(), alert.acknowledged(), alert.occurredAt(), alert.createdAt());
  }

  public static List<AlertView> of(List<SecurityAlert> alerts) {
    return alerts.stream().map(AlertView::of).toList();
  }
}
