package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import com.maxmind.db.ClosedDatabaseException;
import com.maxmind.db.Reader;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GeoLookup} over one or more MaxMind-format (MMDB) files, e.g. a city database plus an ASN database.
 * Thread-safe; close it when done to unmap the files.
 *
 * <p>Each address is looked up in every file, in the order given, and the answers are merged: the first file
 * that knows a part wins it, and place parts (region, city, coordinates) are only taken from a later file that
 * agrees on the country, so two databases cannot combine into a place that does not exist. Put the most
 * precise database first.
 *
 * <p>Understood record layouts (others yield {@link Geo#UNKNOWN} for the parts they name differently):
 *
 * <ul>
 *   <li>MaxMind and DB-IP City/Country: {@code country.iso_code}, {@code subdivisions[0].iso_code},
 *       {@code city.names.en}, {@code location.latitude}/{@code longitude};
 *   <li>MaxMind ASN: {@code autonomous_system_number}, {@code autonomous_system_organization} (also under
 *       {@code traits} in enterprise databases);
 *   <li>the ip-location-db npm packages: {@code country_code}, {@code state1}, {@code city}, {@code latitude},
 *       {@code longitude}, {@code autonomous_system_number}, {@code autonomous_system_organization}.
 * </ul>
 *
 * <p>{@code registered_country} is ignored on purpose: it is where the network's owner is registered, not
 * where the user is, and would turn every roaming corporate range into a false "new country".
 *
 * <p>Nothing is cached: the files are memory-mapped and a lookup is a tree walk plus decoding one small record
 * per file (microseconds). Addresses are handed to the reader as raw bytes, never resolved through DNS.
 */
public final class MmdbGeoLookup implements GeoLookup, Closeable {
  private final List<Database> databases;

  private MmdbGeoLookup(List<Database> databases) {
    this.databases = List.copyOf(databases);
  }

  /** One open file; {@code path} is kept for messages. */
  private record Database(Path path, Reader reader, boolean ipv4Only) {}

  /**
   * Opens the files, memory-mapped.
   *
   * @param files one or more MMDB files, most precise first
   * @throws IllegalArgumentException if no file is given
   * @throws NoSuchFileException naming the path if a file does not exist
   * @throws IOException naming the path if a file cannot be read or is not an MMDB database; files opened
   *     before the failing one are closed again
   */
  public static MmdbGeoLookup open(Path... files) throws IOException {
    requireNonNull(files, "files");
    if (files.length == 0) {
      throw new IllegalArgumentException("at least one MMDB file is required");
    }
    List<Database> opened = new ArrayList<>(files.length);
    try {
      for (Path file : files) {
        requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
          throw new NoSuchFileException(file.toString(), null, "MMDB file not found");
        }
        Reader reader;
        try {
          reader = new Reader(file.toFile());
        } catch (IOException e) {
          throw new IOException("cannot open MMDB file " + file + ": " + e.getMessage(), e);
        }
        opened.add(new Database(file, reader, reader.getMetadata().ipVersion() == 4));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
    return new MmdbGeoLookup(opened);
  }

  /**
   * Looks {@code ip} up in every file and merges the answers.
   *
   * @return what the files know; {@link Geo#UNKNOWN} when none knows the address
   * @throws IllegalStateException if this lookup has been closed
   * @throws UncheckedIOException naming the file if a file turns out to be corrupt
   */
  @Override
  public Geo lookup(IpAddress ip) {
    requireNonNull(ip, "ip");
    InetAddress address = toInetAddress(ip);
    Geo merged = Geo.UNKNOWN;
    for (Database database : databases) {
      if (database.ipv4Only() && !ip.v4()) {
        continue; // an IPv4-only tree cannot hold it, and the reader refuses to look
      }
      Map<String, Object> record = read(database, address);
      if (record != null) {
        merged = GeoFill.complete(merged, MmdbRecords.toGeo(record));
      }
    }
    return merged;
  }

  /** Unmaps all files. Lookups after this throw {@link IllegalStateException}. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Database database : databases) {
      try {
        database.reader().close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "MmdbGeoLookup" + databases.stream().map(Database::path).toList();
  }

  // The reader decodes maps to Map<String, Object>; the raw Map.class token is the 4.x API for that.
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> read(Database database, InetAddress address) {
    try {
      return database.reader().get(address, Map.class);
    } catch (ClosedDatabaseException e) {
      throw new IllegalStateException("MmdbGeoLookup is closed", e);
    } catch (IOException e) {
      // The address is left out of the message on purpose: messages end up in logs.
      throw new UncheckedIOException("cannot read MMDB file " + database.path() + ": " + e.getMessage(), e);
    }
  }

  private static InetAddress toInetAddress(IpAddress ip) {
    byte[] bytes;
    if (ip.v4()) {
      bytes = toBytes(ip.low(), 4);
    } else {
      bytes = new byte[16];
      System.arraycopy(toBytes(ip.high(), 8), 0, bytes, 0, 8);
      System.arraycopy(toBytes(ip.low(), 8), 0, bytes, 8, 8);
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always a valid address", e);
    }
  }

  private static byte[] toBytes(long value, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) (value >>> (8 * (count - 1 - i)));
    }
    return bytes;
  }

  private static void closeAll(List<Database> databases, Exception failure) {
    for (Database database : databases) {
      try {
        database.reader().close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
