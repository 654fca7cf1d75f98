package dev.vigil.core.siem;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How assessments are written: Vigil's JSON lines, or one of the SIEM formats. */
public enum OutputFormat {
  /** Vigil's assessment JSON (DESIGN.md §3), one object per line. */
  JSONL,
  /** OCSF 1.3 Detection Finding (class_uid 2004), one JSON object per line. */
  OCSF,
  /** ArcSight Common Event Format, one {@code CEF:0|…} line each. */
  CEF,
  /** RFC 5424 syslog messages with a structured-data element, one per line. */
  SYSLOG;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The output format named {@code name}, case-insensitively.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static OutputFormat parse(String name) {
    String wanted = requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
    for (OutputFormat format : values()) {
      if (format.id().equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown output format '" + wanted + "'; known: "
        + Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", ")));
  }

  /** The formatter for this format. */
  public AssessmentFormatter formatter(OutputContext context) {
    requireNonNull(context, "context");
    return switch (this) {
      case JSONL -> new JsonlFormatter();
      case OCSF -> new OcsfFindingFormatter(context);
      case CEF -> new CefFormatter(context);
      case SYSLOG -> new SyslogFormatter(context);
    };
  }
}
