package dev.vigil.bench;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.profile.UserProfile;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the heap cost of user profiles with JOL (exact object-graph sizes, not GC estimates): one profile
 * after a month of a heavy user's logins, and the whole engine state per user after a simulated month.
 *
 * <p>Guards the target of DESIGN.md §6: ≤ 1 KiB of heap per user profile.
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.ProfileMemory}
 */
public final class ProfileMemory {
  private ProfileMemory() {}

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    List<LoginEvent> month = Traffic.month(users, 42);
    VigilEngine engine = VigilEngine.builder().settings(dev.vigil.core.EngineSettings.defaults()).enricher(
        Enricher.defaults()).build();
    month.forEach(engine::assess);

    long profileBytes = GraphLayout.parseInstance(new UserProfile()).totalSize();
    System.out.printf(Locale.ROOT, "empty UserProfile: %d bytes%n", profileBytes);
    long engineBytes = GraphLayout.parseInstance(engine).totalSize();
    int profiles = engine.profileCount();
    System.out.printf(Locale.ROOT, "engine after %,d events: %,d bytes for %,d profiles%n", month.size(), engineBytes,
        profiles);
    System.out.printf(Locale.ROOT, "  per profile, everything included (tenants' sketches, source rings, caches): %,d bytes%n",
        engineBytes / Math.max(1, profiles));
  }
}
