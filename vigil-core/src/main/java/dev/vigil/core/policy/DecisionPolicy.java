package dev.vigil.core.policy;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a score and its signals to a decision and the actions to take, by the tenant's {@link PolicySettings}.
 *
 * <p>Decision: a hard deny rule denies; a score at {@code denyAt} denies when at least one signal is evidence
 * of an attack ({@link SignalType#attackEvidence()}) raised at HIGH severity; a hard challenge rule or a score at
 * {@code challengeAt} challenges; anything else is allowed. A score made of unfamiliarity and suspicious context
 * alone — new country, new device, a VPN — is challenged, not denied: that is what travellers with new phones look
 * like. So is one whose attack evidence is only indirect (MEDIUM or LOW): a tenant-wide stuffing surge while the
 * user logs in from a new provider, failures from several networks, two failures before a success from a network
 * and device new to the user — denying those locked travellers out (and froze their accounts) whenever a
 * campaign ran at the same time.
 *
 * <p>Actions: a challenge asks for MFA and tells the user when the login succeeded somewhere new; a denial blocks
 * the source; a denied success (the password worked, the engine says no) also forces a logout of sessions that
 * may already exist; scores at {@code incidentAt} open an incident, critical ones page; a critical denied success
 * with takeover evidence freezes the account.
 */
public final class DecisionPolicy {
  private DecisionPolicy() {}

  public static Decision decide(int score, List<Signal> signals, PolicySettings policy) {
    for (Signal signal : signals) {
      if (policy.denyOn().contains(signal.type())) {
        return Decision.DENY;
      }
    }
    if (score >= policy.denyAt()) {
      for (Signal signal : signals) {
        if (signal.type().attackEvidence() && signal.severity() == Severity.HIGH) {
          return Decision.DENY;
        }
      }
    }
    if (score >= policy.challengeAt()) {
      return Decision.CHALLENGE;
    }
    for (Signal signal : signals) {
      if (policy.challengeOn().contains(signal.type())) {
        return Decision.CHALLENGE;
      }
    }
    return Decision.ALLOW;
  }

  public static Set<Action> actions(Decision decision, int score, Outcome outcome, List<Signal> signals,
      PolicySettings policy) {
    EnumSet<Action> actions = EnumSet.noneOf(Action.class);
    boolean success = outcome == Outcome.SUCCESS;
    switch (decision) {
      case ALLOW -> { }
      case CHALLENGE -> {
        actions.add(Action.REQUIRE_MFA);
        if (success) {
          actions.add(Action.NOTIFY_USER);
        }
      }
      case DENY -> {
        actions.add(Action.BLOCK);
        if (success) {
          actions.add(Action.NOTIFY_USER);
          actions.add(Action.FORCE_LOGOUT);
        }
      }
    }
    boolean campaign = any(signals, SignalType.CREDENTIAL_STUFFING, SignalType.PASSWORD_SPRAY, SignalType.BRUTE_FORCE);
    if (score >= policy.incidentAt() || (campaign && decision != Decision.ALLOW)) {
      actions.add(Action.OPEN_INCIDENT);
    }
    if (RiskLevel.of(score) == RiskLevel.CRITICAL && decision != Decision.ALLOW) {
      actions.add(Action.PAGE);
      boolean takeover = any(signals, SignalType.IMPOSSIBLE_TRAVEL, SignalType.SUCCESS_AFTER_FAILURES);
      if (success && decision == Decision.DENY && takeover) {
        actions.add(Action.FREEZE);
      }
    }
    return actions;
  }

  private static boolean any(List<Signal> signals, SignalType... types) {
    for (Signal signal : signals) {
      for (SignalType type : types) {
        if (signal.type() == type) {
          return true;
        }
      }
    }
    return false;
  }
}
