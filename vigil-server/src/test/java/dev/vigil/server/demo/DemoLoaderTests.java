package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ServerTest;
import dev.vigil.server.engine.LoginPipeline;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data set: loaded through the pipeline once, and only once (see {@link ServerTest}). */
@ServerTest
final class DemoLoaderTests {
  @Autowired
  LoginPipeline pipeline;

  @Autowired
  JdbcClient jdbc;

  private final String tenant = "demo-" + UUID.randomUUID();

  @Test
  void loadsTheSimulatedEventsIntoTheDemoTenantOnceAcrossRestarts() {
    DemoSettings settings = new DemoSettings(true, tenant, 20, 5, 7);

    long first = new DemoLoader(pipeline, jdbc, settings).load();
    long second = new DemoLoader(pipeline, jdbc, settings).load();

    assertThat(first).isPositive();
    assertThat(count("login_events")).isEqualTo(first);
    assertThat(count("assessments")).isEqualTo(first);
    assertThat(second).as("a restart finds the demo stored and loads nothing").isZero();
    assertThat(count("login_events")).isEqualTo(first);
  }

  @Test
  void finishesAnInterruptedLoadStoringOnlyTheMissingEvents() {
    DemoSettings settings = new DemoSettings(true, tenant, 20, 5, 7);
    long all = new DemoLoader(pipeline, jdbc, settings).load();
    // As if the previous start had stopped half-way: the newest half of the events is missing.
    String otherTenant = tenant + "-resumed";
    DemoSettings resumed = new DemoSettings(true, otherTenant, 20, 5, 7);
    jdbc.sql("""
        INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, ip_hmac, ip_masked,
                                  device_present, received_at)
        SELECT ?, event_id, user_id, occurred_at, outcome, ip_hmac, ip_masked, device_present, received_at
          FROM login_events WHERE tenant_id = ? ORDER BY seq LIMIT ?""")
        .param(otherTenant).param(tenant).param(all / 2).update();
    jdbc.sql("""
        INSERT INTO assessments SELECT ?, event_id, score, decision, assessment, created_at
          FROM assessments WHERE tenant_id = ? AND event_id IN (SELECT event_id FROM login_events WHERE tenant_id = ?)""")
        .param(otherTenant).param(tenant).param(otherTenant).update();

    long loaded = new DemoLoader(pipeline, jdbc, resumed).load();

    assertThat(loaded).isEqualTo(all - all / 2);
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(otherTenant)
        .query(Long.class).single()).isEqualTo(all);
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single();
  }
}
