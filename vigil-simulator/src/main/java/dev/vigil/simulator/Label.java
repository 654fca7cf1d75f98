package dev.vigil.simulator;

import dev.vigil.core.event.Outcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ground truth for one simulated event: a line of {@code labels.jsonl}. The event file itself carries no
 * label, exactly as a real identity provider would send it.
 *
 * @param eventId the event this label belongs to
 * @param attackType {@code null} for legitimate events
 * @param attackerModel for {@link AttackType#ACCOUNT_TAKEOVER} only: what the attacker knew; otherwise {@code null}
 * @param campaignId the attack campaign ({@code c-…}) that every event of one attack shares; {@code null} when legit
 * @param tenantId the event's tenant
 * @param userId the event's user (for unknown-user attempts, the name that was tried)
 * @param outcome the event's outcome
 */
public record Label(
    String eventId,
    @Nullable AttackType attackType,
    @Nullable AttackerModel attackerModel,
    @Nullable String campaignId,
    String tenantId,
    String userId,
    Outcome outcome) {

  public Label {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(outcome, "outcome");
    if ((attackType == null) != (campaignId == null)) {
      throw new IllegalArgumentException("campaignId must be set exactly when attackType is: " + eventId);
    }
    if (attackerModel != null && attackType != AttackType.ACCOUNT_TAKEOVER) {
      throw new IllegalArgumentException("attackerModel belongs to ACCOUNT_TAKEOVER only: " + eventId);
    }
  }

  /** Whether the event was made by an attacker. */
  public boolean isAttack() {
    return attackType != null;
  }

  /** Whether an attacker got in: the positives a takeover detector must catch. */
  public boolean isSuccessfulAttack() {
    return attackType != null && outcome == Outcome.SUCCESS;
  }

  /** Prints no user id, like {@link dev.vigil.core.event.LoginEvent#toString()}. */
  @Override
  public String toString() {
    return "Label[eventId=" + eventId + ", attackType=" + attackType + ", attackerModel=" + attackerModel
        + ", campaignId=" + campaignId + ", tenantId=" + tenantId + ", outcome=" + outcome + "]";
  }
}
