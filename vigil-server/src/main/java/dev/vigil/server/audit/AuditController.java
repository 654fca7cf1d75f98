package dev.vigil.server.audit;

import dev.vigil.server.caller.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/audit} (newest first, paginated; filtered by exact {@code actor} and {@code action} and by a
 * text {@code q} found in the target or details) and {@code POST /internal/audit/verify}.
 */
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
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
      @RequestParam(required = false) @Nullable @Size(max = 200) String actor,
      @RequestParam(required = false) @Nullable @Size(max = 200) String action,
      @RequestParam(required = false) @Nullable @Size(max = 200) String q) {
    AuditFilter filter = AuditFilter.of(actor, action, q);
    return new AuditPage(log.page(caller.tenantId(), filter, page, size), page, size,
        log.count(caller.tenantId(), filter));
  }

  @PostMapping("/internal/audit/verify")
  AuditVerifier.Verification verify(Caller caller) {
    return verifier.verify(caller.tenantId());
  }

  record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
}
