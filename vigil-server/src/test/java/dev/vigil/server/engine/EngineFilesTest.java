package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of {@code vigil.engine.*}: a bad one stops the start with a message naming the setting and file. */
final class EngineFilesTest {
  @TempDir
  Path dir;

  @Test
  void refusesABlocklistWithABadLineNamingTheSettingTheFileAndTheLine() throws Exception {
    Path blocklist = Files.writeString(dir.resolve("blocklist.txt"), "198.18.0.0/15\n# ok\n10.0.0.0/33\n");

    assertThatThrownBy(() -> EngineFiles.classifier(files(null, blocklist)))
        .isInstanceOf(InvalidEngineFileException.class)
        .hasMessageContaining("vigil.engine.blocklist")
        .hasMessageContaining(blocklist.toString())
        .hasMessageContaining("line 3");
  }

  @Test
  void refusesASettingsFileWithAnUnknownKeyNamingTheFileAndTheKey() throws Exception {
    Path settings = Files.writeString(dir.resolve("settings.json"), "{\"defaults\":{\"polcy\":{}}}");

    assertThatThrownBy(() -> EngineFiles.settings(files(settings, null)))
        .isInstanceOf(InvalidEngineFileException.class)
        .hasMessageContaining("vigil.engine.settings-file")
        .hasMessageContaining(settings.toString())
        .hasMessageContaining("polcy");
  }

  @Test
  void refusesAMissingFileNamingIt() {
    Path missing = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> EngineFiles.settings(files(missing, null)))
        .hasMessageContaining("vigil.engine.settings-file")
        .hasMessageContaining(missing + " does not exist");
  }

  @Test
  void refusesAGeoDatabaseThatIsNotOne() throws Exception {
    Path notMmdb = Files.writeString(dir.resolve("geo.mmdb"), "not a database");

    assertThatThrownBy(() -> EngineFiles.geo(new EngineFileSettings(null, List.of(notMmdb), null, null, null, null)))
        .isInstanceOf(InvalidEngineFileException.class)
        .hasMessageContaining("vigil.engine.geoip")
        .hasMessageContaining(notMmdb.toString());
  }

  @Test
  void classifiesAnAddressOfTheConfiguredBlocklistAsBlocklisted() throws Exception {
    Path blocklist = Files.writeString(dir.resolve("blocklist.txt"), "198.18.0.0/15 # bench range\n");

    var network = EngineFiles.classifier(files(null, blocklist)).classify(IpAddress.parse("198.18.3.4"), Geo.UNKNOWN);

    assertThat(network.blocklisted()).isTrue();
  }

  @Test
  void picksUpTheMmdbFilesOfTheGeoDirectoryCityFirst() throws Exception {
    Path geoDir = Files.createDirectories(dir.resolve("geo"));
    Path core = Path.of("../vigil-core/src/test/resources/dev/vigil/core/enrich");
    Files.copy(core.resolve("test-asn.mmdb"), geoDir.resolve("asn.mmdb"));
    Files.copy(core.resolve("test-city.mmdb"), geoDir.resolve("dbip-city-ipv4.mmdb"));
    Files.writeString(geoDir.resolve("README.txt"), "not a database, not picked up");

    assertThat(EngineFiles.mmdbFiles(geoDir)).extracting(p -> p.getFileName().toString())
        .containsExactly("dbip-city-ipv4.mmdb", "asn.mmdb");
    try (var lookup = (java.io.Closeable) EngineFiles.geo(new EngineFileSettings(null, List.of(), geoDir, null, null,
        null))) {
      assertThat(lookup.toString()).contains("dbip-city-ipv4.mmdb", "asn.mmdb");
    }
  }

  @Test
  void runsWithoutGeoDataWhenTheGeoDirectoryIsAbsent() {
    assertThat(EngineFiles.geo(new EngineFileSettings(null, List.of(), dir.resolve("absent"), null, null, null)))
        .isSameAs(dev.vigil.core.enrich.GeoLookup.NONE);
  }

  @Test
  void refusesABrokenDatabaseInTheGeoDirectoryNamingTheSetting() throws Exception {
    Path geoDir = Files.createDirectories(dir.resolve("geo"));
    Files.writeString(geoDir.resolve("broken.mmdb"), "not a database");

    assertThatThrownBy(() -> EngineFiles.geo(new EngineFileSettings(null, List.of(), geoDir, null, null, null)))
        .isInstanceOf(InvalidEngineFileException.class)
        .hasMessageContaining("vigil.engine.geoip-dir");
  }

  private static EngineFileSettings files(Path settings, Path blocklist) {
    return new EngineFileSettings(settings, List.of(), null, blocklist, null, null);
  }
}
