package dev.vigil.server.engine;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.InvalidSettingsException;
import dev.vigil.core.enrich.CidrList;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.GeoDatabases;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineFiles.class);
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

  /**
   * The MMDB files of {@code vigil.engine.geoip}, or else those of {@code vigil.engine.geoip-dir}, opened;
   * {@link GeoLookup#NONE} when there are none. Logs which, so an operator sees at start whether locations and
   * networks come from data or only from what callers send.
   */
  static GeoLookup geo(EngineFileSettings files) {
    String setting = "vigil.engine.geoip";
    List<Path> paths = files.geoip();
    if (paths.isEmpty() && files.geoipDir() != null) {
      setting = "vigil.engine.geoip-dir";
      paths = mmdbFiles(files.geoipDir());
    }
    if (paths.isEmpty()) {
      LOG.info("geo data: none (no vigil.engine.geoip and no *.mmdb or asn*.csv in vigil.engine.geoip-dir {}); locations and "
          + "networks come only from the events' own geo. scripts/fetch-geo.sh installs free databases",
          files.geoipDir());
      return GeoLookup.NONE;
    }
    for (Path file : paths) {
      requireReadable(setting, file);
    }
    try {
      GeoLookup lookup = GeoDatabases.open(paths);
      LOG.info("geo data: {} MMDB file(s) from {}: {}", paths.size(), setting, paths);
      return lookup;
    } catch (IOException | RuntimeException e) {
      throw new InvalidEngineFileException(setting + ": cannot open " + paths
          + " as geo databases (MMDB, ASN CSV): " + e.getMessage(), e);
    }
  }

  /** The directory's geo files ({@code *.mmdb}, {@code asn*.csv}), most precise first. */
  static List<Path> mmdbFiles(Path dir) {
    try {
      return GeoDatabases.filesIn(dir);
    } catch (IOException e) {
      throw unreadable("vigil.engine.geoip-dir", dir, e);
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
