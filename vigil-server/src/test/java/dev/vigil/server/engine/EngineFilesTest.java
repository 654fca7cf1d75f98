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

    assertThatThrownBy(() -> EngineFiles.geo(new EngineFileSettings(null, List.of(notMmdb), null, null, null)))
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

  private static EngineFileSettings files(Path settings, Path blocklist) {
    return new EngineFileSettings(settings, List.of(), blocklist, null, null);
  }
}
