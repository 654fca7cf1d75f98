package dev.vigil.simulator;

import java.util.Locale;

/**
 * What an account-takeover attacker knows about the victim, after Wiefling et al., "Evaluation of Risk-Based
 * Re-Authentication Methods" / "What's in Score for Website Users" (ACM TOPS 2022). Each model defeats a
 * different naive rule: VIP attackers pass a country check, targeted attackers also pass ISP and browser checks.
 */
public enum AttackerModel {
  /** Knows only the password: a random foreign country, a hosting or random ISP network, a random browser. */
  NAIVE,
  /** Also knows the victim's country and uses the most common browser there. */
  VIP,
  /** Also knows the victim's ISP and exact user agent (phishing kit, infostealer log). */
  TARGETED;

  /** The label file's spelling: {@code naive}, {@code vip}, {@code targeted}. */
  public String labelName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
