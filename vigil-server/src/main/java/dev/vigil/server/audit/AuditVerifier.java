package dev.vigil.server.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Walks a tenant's chain and names the first row that does not hold: its content no longer matches its hash
 * (edited), or it does not link to the row before it, or its sequence number skips (a row before it was
 * deleted). This is what {@code vigil audit verify} calls (through {@code POST /internal/audit/verify}).
 *
 * <p>A deleted <em>tail</em> leaves a shorter but valid chain; the answer's {@code headSeq}/{@code headHash}
 * are there to be recorded elsewhere (a ticket, a SIEM) so that a later verification can compare heads.
 */
@Service
public final class AuditVerifier {
  private static final int PAGE = 1_000;

  private final AuditLog log;

  AuditVerifier(AuditLog log) {
    this.log = log;
  }

  public Verification verify(String tenantId) {
    String prevHash = AuditChain.GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    while (true) {
      List<AuditEntry> rows = log.chainFrom(tenantId, expectedSeq - 1, PAGE);
      if (rows.isEmpty()) {
        return new Verification(true, checked, null, null, expectedSeq - 1, prevHash);
      }
      for (AuditEntry row : rows) {
        if (row.seq() != expectedSeq) {
          return broken(checked, row, "rows " + expectedSeq + ".." + (row.seq() - 1) + " are missing");
        }
        if (!row.prevHash().equals(prevHash)) {
          return broken(checked, row, "does not link to the previous row (that row was changed or removed)");
        }
        String recomputed = AuditChain.hash(row.prevHash(), row.tenantId(), row.seq(), row.occurredAt(),
            row.actor(), row.action(), row.target(), row.details());
        if (!recomputed.equals(row.hash())) {
          return broken(checked, row, "content does not match its hash (the row was changed)");
        }
        prevHash = row.hash();
        expectedSeq++;
        checked++;
      }
    }
  }

  private static Verification broken(long checked, AuditEntry row, String reason) {
    return new Verification(false, checked, row.seq(), reason, row.seq() - 1, row.prevHash());
  }

  /**
   * The verifier's answer.
   *
   * @param intact whether every row holds
   * @param rowsChecked rows verified before the first broken one (all of them when intact)
   * @param firstBrokenSeq the first row that does not hold; null when intact
   * @param reason why it does not hold
   * @param headSeq the last good row's sequence number
   * @param headHash the last good row's hash
   */
  public record Verification(boolean intact, long rowsChecked, @Nullable Long firstBrokenSeq,
      @Nullable String reason, long headSeq, String headHash) {}
}
