package dev.vigil.server.engine;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.InvalidSettingsException;
import dev.vigil.core.enrich.CidrList;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.MmdbGeoLookup;
import dev.vigil.core.enrich.NetworkClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the files of {@link EngineFileSettings} as {@code vigil replay} does, but stricter: the CLI skips a list's
 * bad lines with a warning, the server refuses to start, since a long-running server whose blocklist silently
 * lost a range is worse than one that names the line to fix.
 */
final class EngineFiles {
  private static final int PROBLEMS_SHOWN = 5;

  private EngineFiles() {}

  /** The engine settings of {@code vigil.engine.settings-file}, or the defaults when none is named. */
  static EngineSettings settings(EngineFileSettings files) {
    Path file = files.settingsFile();
    if (file == null) {
      return EngineSettings.defaults();
    }
    requireReadable("vigil.engine.settings-file", file);
    try {
      return EngineSettings.fromJson(file);
    } catch (InvalidSettingsException e) {
      // core's message already names the file and the offending key
      throw new InvalidEngineFileException("vigil.engine.settings-file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw unreadable("vigil.engine.settings-file", file, e);
    }
  }

  /** The built-in network classifier with the configured block, allow and anonymizer lists. */
  static NetworkClassifier classifier(EngineFileSettings files) {
    NetworkClassifier classifier = NetworkClassifier.builtIn();
    if (files.blocklist() != null) {
      classifier = classifier.withBlocklist(cidrs("vigil.engine.blocklist", files.blocklist()));
    }
    if (files.allowlist() != null) {
      classifier = classifier.withAllowlist(cidrs("vigil.engine.allowlist", files.allowlist()));
    }
    if (files.anonymizers() != null) {
      classifier = classifier.withAnonymizerList(cidrs("vigil.engine.anonymizers", files.anonymizers()));
    }
    return classifier;
  }

  /** The MMDB files of {@code vigil.engine.geoip}, opened; {@link GeoLookup#NONE} when none is named. */
  static GeoLookup geo(EngineFileSettings files) {
    if (files.geoip().isEmpty()) {
      return GeoLookup.NONE;
    }
    for (Path file : files.geoip()) {
      requireReadable("vigil.engine.geoip", file);
    }
    try {
      return MmdbGeoLookup.open(files.geoip().toArray(Path[]::new));
    } catch (IOException | RuntimeException e) {
      throw new InvalidEngineFileException("vigil.engine.geoip: cannot open " + files.geoip()
          + " as MaxMind-format databases: " + e.getMessage(), e);
    }
  }

  private static CidrList cidrs(String setting, Path file) {
    requireReadable(setting, file);
    CidrList.ParseResult result;
    try {
      result = CidrList.parse(file);
    } catch (IOException e) {
      throw unreadable(setting, file, e);
    }
    List<CidrList.ParseProblem> problems = result.problems();
    if (!problems.isEmpty()) {
      String shown = problems.stream().limit(PROBLEMS_SHOWN)
          .map(p -> "line " + p.lineNumber() + ": " + p.message())
          .collect(Collectors.joining("; "));
      throw new InvalidEngineFileException(setting + ": " + file + " has " + problems.size()
          + " bad line(s) (" + shown + (problems.size() > PROBLEMS_SHOWN ? "; …" : "")
          + "); fix or comment them out with #");
    }
    return result.list();
  }

  private static void requireReadable(String setting, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidEngineFileException(setting + ": " + file + " does not exist or is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidEngineFileException(setting + ": " + file + " is not readable");
    }
  }

  private static InvalidEngineFileException unreadable(String setting, @Nullable Path file, IOException e) {
    String reason = e instanceof NoSuchFileException ? "does not exist" : "cannot be read: " + e.getMessage();
    return new InvalidEngineFileException(setting + ": " + file + " " + reason, e);
  }
}
