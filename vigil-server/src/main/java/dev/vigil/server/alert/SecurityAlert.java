package dev.vigil.server.alert;

import java.time.Instant;
import java.util.List;

/**
 * A stored alert about one risky login of one user.
 *
 * @param id the database id
 * @param tenantId the user's tenant
 * @param userId the user
 * @param eventId the login that raised it
 * @param type the strongest signal's type in lower case ({@code new_device}, {@code brute_force}, …)
 * @param signalTypes every signal of the login, strongest first, lower case
 * @param severity {@code medium}, {@code high} or {@code critical}: the assessment's risk level
 * @param message the signals' explanations, for people (no raw IP or user agent)
 * @param score the assessment's score
 * @param decision the assessment's decision
 * @param acknowledged whether the user or an analyst has marked it read
 * @param occurredAt the login's time
 * @param createdAt when the alert was stored
 */
public record SecurityAlert(long id, String tenantId, String userId, String eventId, String type,
    List<String> signalTypes, String severity, String message, int score, String decision, boolean acknowledged,
    Instant occurredAt, Instant createdAt) {

  public SecurityAlert {
    signalTypes = List.copyOf(signalTypes);
  }
}
