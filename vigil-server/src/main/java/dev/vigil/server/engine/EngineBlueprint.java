package dev.vigil.server.engine;

import dev.vigil.core.VigilEngine;

/**
 * How to build a fresh engine: settings, enricher, detectors. Recovery adds the snapshot to it at start, so the one
 * engine of the process is always built from this. Tests declare their own (as {@code @Primary}) to script what
 * the engine finds.
 */
@FunctionalInterface
public interface EngineBlueprint {
  VigilEngine.Builder newBuilder();
}
