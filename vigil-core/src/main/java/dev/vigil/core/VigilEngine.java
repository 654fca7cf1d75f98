package dev.vigil.core;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.policy.RiskLevel;
import java.util.List;
import java.util.Set;

/** WORK IN PROGRESS: the engine facade; internals are being written. */
public final class VigilEngine {
  private final Enricher enricher;

  private VigilEngine(Builder builder) {
    this.enricher = builder.enricher;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Assessment assess(LoginEvent event) {
    requireNonNull(event, "event");
    enricher.enrich(event);
    return new Assessment(event.eventId(), event.tenantId(), event.userId(), event.timestamp(), event.outcome(),
        0, RiskLevel.LOW, Decision.ALLOW, List.of(), Set.of(), PolicyMode.ENFORCE, null, "dev", 0);
  }

  /** Writes every profile and counter to {@code out} in the versioned snapshot format. */
  public void writeSnapshot(java.io.OutputStream out) throws java.io.IOException {
    requireNonNull(out, "out");
  }

  /** How many user profiles the engine holds. */
  public int profileCount() {
    return 0;
  }

  public static final class Builder {
    private Enricher enricher = Enricher.defaults();
    private EngineSettings settings = EngineSettings.defaults();

    public Builder settings(EngineSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /** Starts from a snapshot written by {@link VigilEngine#writeSnapshot}. */
    public Builder restore(java.io.InputStream snapshot) throws java.io.IOException {
      requireNonNull(snapshot, "snapshot");
      return this;
    }

    public Builder enricher(Enricher enricher) {
      this.enricher = requireNonNull(enricher, "enricher");
      return this;
    }

    public VigilEngine build() {
      return new VigilEngine(this);
    }
  }
}
