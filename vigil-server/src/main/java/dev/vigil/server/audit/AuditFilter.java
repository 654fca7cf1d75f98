package dev.vigil.server.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the console's audit page asks for: entries of one actor and/or one action, and/or mentioning a text in their
 * target or details. Empty parts match everything.
 */
record AuditFilter(String actor, String action, String text) {
  static final AuditFilter NONE = new AuditFilter("", "", "");

  static AuditFilter of(@Nullable String actor, @Nullable String action, @Nullable String text) {
    return new AuditFilter(blankless(actor), blankless(action), blankless(text));
  }

  /** The named parameters of {@code AuditLog}'s filter clause ({@code %} and {@code _} in the text are literal). */
  Map<String, Object> parameters() {
    String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return Map.of("actor", actor, "action", action, "text", like);
  }

  private static String blankless(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
