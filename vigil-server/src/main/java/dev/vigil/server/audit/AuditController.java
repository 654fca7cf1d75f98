package dev.vigil.server.audit;

import dev.vigil.server.caller.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/audit} (newest first, paginated) and {@code POST /internal/audit/verify}. */
@RestController
final class AuditController {
  private final AuditLog log;
  private final AuditVerifier verifier;

  AuditController(AuditLog log, AuditVerifier verifier) {
    this.log = log;
    this.verifier = verifier;
  }

  @GetMapping("/internal/audit")
  AuditPage list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return new AuditPage(log.page(caller.tenantId(), page, size), page, size, log.count(caller.tenantId()));
  }

  @PostMapping("/internal/audit/verify")
  AuditVerifier.Verification verify(Caller caller) {
    return verifier.verify(caller.tenantId());
  }

  record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
}
