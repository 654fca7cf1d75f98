package dev.vigil.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code ./vigil audit verify}: read straight from the database, it names the broken row and exits 1. */
@ServerTest
final class AuditVerifyRunTests {
  @Autowired
  AuditLog log;

  @Autowired
  AuditVerifier verifier;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  private final String tenant = "t-" + UUID.randomUUID();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Test
  void exitsZeroForAnIntactChainAndOneNamingTheRowChangedInTheDatabase() {
    for (int i = 1; i <= 3; i++) {
      String step = Integer.toString(i);
      transactions.executeWithoutResult(status ->
          log.append(tenant, "analyst-" + step, "flags.update", "tenant:" + tenant, Map.of("step", step)));
    }
    assertThat(run()).isZero();
    assertThat(output()).contains("audit " + tenant + ": intact, 3 rows");

    tamper("UPDATE audit_log SET actor = 'someone-else' WHERE tenant_id = ? AND seq = 2");

    assertThat(run()).isEqualTo(AuditVerifyRun.BROKEN);
    assertThat(output()).contains("audit " + tenant + ": BROKEN at row 2");
  }

  @Test
  void exitsOneNamingTheRowAfterADeletedOne() {
    for (int i = 1; i <= 3; i++) {
      String target = "incident:" + i;
      transactions.executeWithoutResult(status -> log.append(tenant, "system", "incident.opened", target, Map.of()));
    }

    tamper("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 2");

    assertThat(run()).isEqualTo(AuditVerifyRun.BROKEN);
    assertThat(output()).contains("BROKEN at row 3").contains("missing");
  }

  private int run() {
    printed.reset();
    return new AuditVerifyRun(verifier, jdbc, tenant, new PrintStream(printed, true, StandardCharsets.UTF_8))
        .verify();
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Changes audit rows as a superuser would, around the append-only trigger. */
  private void tamper(String sql) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("SET LOCAL session_replication_role = replica").update();
      jdbc.sql(sql).param(tenant).update();
    });
  }
}
