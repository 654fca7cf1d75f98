package dev.vigil.server.audit;

import java.io.PrintStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./vigil audit verify [--tenant T]}: the server started without its web side
 * ({@code vigil.audit.verify=true}) verifies the audit chain of one tenant or of every tenant straight from the
 * database, prints one line per tenant, and exits 0 when every chain holds, 1 when one does not. Run it from a
 * place the database is reachable from; it needs no analyst token, and the running server need not be up.
 */
@Component
@ConditionalOnProperty(name = "vigil.audit.verify", havingValue = "true")
public final class AuditVerifyRun implements ApplicationRunner, ExitCodeGenerator {
  static final int BROKEN = 1;

  private final AuditVerifier verifier;
  private final JdbcClient jdbc;
  private final @Nullable String tenant;
  private final PrintStream out;
  private int exitCode;

  @Autowired
  AuditVerifyRun(AuditVerifier verifier, JdbcClient jdbc, Environment environment) {
    this(verifier, jdbc, environment.getProperty("vigil.audit.verify-tenant"), System.out);
  }

  AuditVerifyRun(AuditVerifier verifier, JdbcClient jdbc, @Nullable String tenant, PrintStream out) {
    this.verifier = verifier;
    this.jdbc = jdbc;
    this.tenant = tenant == null || tenant.isBlank() ? null : tenant;
    this.out = out;
  }

  @Override
  public void run(ApplicationArguments args) {
    exitCode = verify();
  }

  /** Verifies and prints; returns the exit code. */
  int verify() {
    List<String> tenants = tenant != null ? List.of(tenant)
        : jdbc.sql("SELECT DISTINCT tenant_id FROM audit_log ORDER BY tenant_id").query(String.class).list();
    int code = 0;
    for (String each : tenants) {
      AuditVerifier.Verification result = verifier.verify(each);
      if (result.intact()) {
        out.printf("audit %s: intact, %d rows, head %d %s%n", each, result.rowsChecked(), result.headSeq(),
            result.headHash());
      } else {
        out.printf("audit %s: BROKEN at row %d: %s (%d rows before it hold; last good head %d %s)%n", each,
            result.firstBrokenSeq(), result.reason(), result.rowsChecked(), result.headSeq(), result.headHash());
        code = BROKEN;
      }
    }
    if (tenants.isEmpty()) {
      out.println("audit: no audit rows" + (tenant == null ? "" : " for tenant " + tenant));
    }
    return code;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
