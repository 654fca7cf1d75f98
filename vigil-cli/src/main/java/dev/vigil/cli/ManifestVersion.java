package dev.vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, which the build stamps with the Maven project version. */
final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ManifestVersion.class.getPackage().getImplementationVersion();
    return new String[] {"vigil " + (version == null ? "(development build)" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
  }
}
