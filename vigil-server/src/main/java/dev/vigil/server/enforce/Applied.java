package dev.vigil.server.enforce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an action changed — its before-state, stored with the action so that a rollback undoes exactly that and
 * nothing more (an account frozen before the incident stays frozen).
 *
 * @param changed whether the action changed anything (false: the account was frozen already, no session was
 *     active, the adapter only acknowledged)
 * @param revokedSessionIds sessions revoked by a forced logout, to restore
 * @param blockId the block-list row a block added, to remove
 * @param note a short explanation for analysts
 */
public record Applied(boolean changed, List<String> revokedSessionIds, @Nullable Long blockId, @Nullable String note) {
  public Applied {
    revokedSessionIds = List.copyOf(revokedSessionIds);
  }

  public static Applied changed(boolean changed) {
    return new Applied(changed, List.of(), null, null);
  }

  public static Applied noted(String note) {
    return new Applied(false, List.of(), null, note);
  }
}
