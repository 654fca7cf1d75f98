package dev.vigil.simulator;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Hands out campaign ids ({@code c-0001}, …) in planning order. */
final class CampaignLedger {
  private int next = 1;

  Campaign open(AttackType type, @Nullable AttackerModel model) {
    return new Campaign(String.format(Locale.ROOT, "c-%04d", next++), type, model);
  }
}
