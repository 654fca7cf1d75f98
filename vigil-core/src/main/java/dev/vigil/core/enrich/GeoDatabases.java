package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Opens a set of geo/network files as one {@link GeoLookup}: MaxMind-format {@code .mmdb} files (city, country,
 * ASN) and ip-location-db ASN range files ({@code .csv}, see {@link AsnCsvLookup}). The MMDBs answer first; the
 * CSV fills the network they leave out. Close it to unmap the MMDBs.
 */
public final class GeoDatabases implements GeoLookup, Closeable {
  private final List<Path> files;
  private final GeoLookup mmdb;
  private final GeoLookup asn;

  private GeoDatabases(List<Path> files, GeoLookup mmdb, GeoLookup asn) {
    this.files = files;
    this.mmdb = mmdb;
    this.asn = asn;
  }

  /**
   * Opens {@code files}: {@code .csv} ones as ASN ranges, the others as MMDB (most precise first, as given).
   *
   * @throws IOException naming the file when one cannot be opened
   */
  public static GeoDatabases open(List<Path> files) throws IOException {
    requireNonNull(files, "files");
    List<Path> mmdbs = new ArrayList<>();
    List<Path> csvs = new ArrayList<>();
    for (Path file : files) {
      (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csvs : mmdbs).add(file);
    }
    GeoLookup asn = csvs.isEmpty() ? GeoLookup.NONE : AsnCsvLookup.load(csvs.toArray(Path[]::new));
    GeoLookup mmdb = mmdbs.isEmpty() ? GeoLookup.NONE : MmdbGeoLookup.open(mmdbs.toArray(Path[]::new));
    return new GeoDatabases(List.copyOf(files), mmdb, asn);
  }

  /**
   * The geo files of a directory such as {@code ./data/geo}: {@code *.mmdb} (city first, then country, then the
   * rest) and {@code asn*.csv}; none when the directory does not exist.
   */
  public static List<Path> filesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path file : entries) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(file) && (name.endsWith(".mmdb") || (name.startsWith("asn") && name.endsWith(".csv")))) {
          found.add(file);
        }
      }
    }
    found.sort(Comparator.comparingInt(GeoDatabases::precision).thenComparing(Path::toString));
    return List.copyOf(found);
  }

  private static int precision(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.contains("city") ? 0 : name.contains("country") ? 1 : 2;
  }

  @Override
  public Geo lookup(IpAddress ip) {
    Geo found = mmdb.lookup(ip);
    return found.asn() != null ? found : GeoFill.complete(found, asn.lookup(ip));
  }

  @Override
  public void close() throws IOException {
    if (mmdb instanceof Closeable closeable) {
      closeable.close();
    }
  }

  @Override
  public String toString() {
    return "GeoDatabases" + files;
  }
}
