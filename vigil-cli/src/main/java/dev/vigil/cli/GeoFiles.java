package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the MMDB files of a directory such as {@code ./data/geo}, most precise first. */
final class GeoFiles {
  private GeoFiles() {}

  /** The directory's {@code *.mmdb} files, city databases first, then country, then the rest (ASN); none if absent. */
  static List<Path> in(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.mmdb")) {
      for (Path file : found) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    files.sort(Comparator.comparingInt(GeoFiles::rank).thenComparing(Path::toString));
    return List.copyOf(files);
  }

  private static int rank(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("city")) {
      return 0;
    }
    return name.contains("country") ? 1 : 2;
  }
}
