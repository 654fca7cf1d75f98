package dev.vigil.core;

/** WORK IN PROGRESS: per-tenant detection and policy settings. */
public final class EngineSettings {
  public static EngineSettings defaults() {
    return new EngineSettings();
  }

  /** Reads settings from a JSON file (partial: what it leaves out keeps its default). */
  public static EngineSettings fromJson(java.nio.file.Path file) throws java.io.IOException {
    java.util.Objects.requireNonNull(file, "file");
    return defaults();
  }
}
