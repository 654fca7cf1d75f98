package dev.vigil.cli;

import dev.vigil.core.siem.AssessmentFormatter;
import dev.vigil.core.siem.OutputContext;
import dev.vigil.core.siem.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --output}: how assessments are written, shared by replay, import and tail. */
final class OutputOptions {
  @Option(names = "--output", paramLabel = "jsonl|ocsf|cef|syslog", converter = OutputFormatConverter.class,
      description = "Assessment format: jsonl (Vigil's JSON, default), ocsf (OCSF Detection Finding, class 2004), "
          + "cef (ArcSight CEF) or syslog (RFC 5424).")
  OutputFormat output = OutputFormat.JSONL;

  AssessmentFormatter formatter(Map<String, String> env) {
    String version = OutputOptions.class.getPackage().getImplementationVersion();
    return output.formatter(new OutputContext(version == null ? "dev" : version, hostname(env)));
  }

  /** The host name for syslog, without a DNS look-up: $HOSTNAME, else /etc/hostname, else RFC 5424's nil. */
  static String hostname(Map<String, String> env) {
    String name = env.get("HOSTNAME");
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    try {
      Path file = Path.of("/etc/hostname");
      if (Files.isReadable(file)) {
        String text = Files.readString(file).strip();
        if (!text.isEmpty()) {
          return text;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the nil value
    }
    return "-";
  }

  static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
