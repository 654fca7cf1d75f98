package dev.vigil.server.demo;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.server.engine.LoginPipeline;
import dev.vigil.simulator.SimulationSettings;
import dev.vigil.simulator.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads a simulated month into the demo tenant at start, through {@link LoginPipeline} like any other source, so
 * that the dashboards, alerts and profiles of a fresh {@code ./vigil serve --demo} have something to show.
 *
 * <p>Idempotent and resumable: the simulator is deterministic (same seed, same eventIds), so the loader counts
 * what the tenant already holds and skips the load when it is complete; an interrupted load is finished on the
 * next start, the events stored before being answered from the table without being assessed again.
 */
@Component
final class DemoLoader implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  private static final int CHUNK = 2_000;

  private final LoginPipeline pipeline;
  private final JdbcClient jdbc;
  private final DemoSettings settings;

  DemoLoader(LoginPipeline pipeline, JdbcClient jdbc, DemoSettings settings) {
    this.pipeline = pipeline;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.enabled()) {
      load();
    }
  }

  /** @return how many events were assessed and stored now (0 when the demo was loaded before) */
  long load() {
    List<LoginEvent> events = simulate();
    // Counts the simulated eventIds, not the tenant's events: logins sent to the demo tenant by hand do not count.
    long stored = jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ? AND event_id = ANY (?)")
        .param(settings.tenant())
        .param(events.stream().map(LoginEvent::eventId).toArray(String[]::new))
        .query(Long.class).single();
    if (stored >= events.size()) {
      LOG.info("demo tenant '{}' already holds its {} simulated events; not loading again", settings.tenant(),
          stored);
      return 0;
    }
    LOG.info("demo: loading {} simulated events ({} users, {} days) into tenant '{}' ({} there already)",
        events.size(), settings.users(), settings.days(), settings.tenant(), stored);
    long started = System.nanoTime();
    long assessed = 0;
    int nextReport = 10;
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<LoginEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      assessed += pipeline.assessAll(chunk).stream().filter(login -> !login.repeated()).count();
      int percent = (int) (100L * (from + chunk.size()) / events.size());
      if (percent >= nextReport) {
        LOG.info("demo: {}% ({} of {} events)", percent, from + chunk.size(), events.size());
        nextReport = percent / 10 * 10 + 10;
      }
    }
    long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
    LOG.info("demo: {} events of tenant '{}' assessed and stored in {} ms ({} events/s)", assessed,
        settings.tenant(), millis, assessed * 1000 / millis);
    return assessed;
  }

  private List<LoginEvent> simulate() {
    SimulationSettings simulation = SimulationSettings.defaults()
        .withSeed(settings.seed())
        .withUsers(settings.users())
        .withDays(settings.days());
    List<LoginEvent> events = new ArrayList<>();
    String tenant = settings.tenant();
    Simulator.run(simulation, (event, label) -> events.add(new LoginEvent(event.eventId(), tenant, event.userId(),
        event.timestamp(), event.outcome(), event.failureReason(), event.ip(), event.userAgent(), event.deviceId(),
        event.geo(), event.authMethod(), event.sessionId(), event.attributes(), event.truncatedFields())));
    return events;
  }
}
