package dev.vigil.server.incident;

import dev.vigil.server.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries partial rollbacks (an undo failed: the webhook was down, say) until they complete; each attempt is a
 * normal, idempotent rollback by {@code system}, recorded like the analyst's.
 */
@Component
final class RollbackRetrier {
  private static final Logger LOG = LoggerFactory.getLogger(RollbackRetrier.class);
  private static final int BATCH = 50;

  private final IncidentStore store;
  private final IncidentReview review;

  RollbackRetrier(IncidentStore store, IncidentReview review) {
    this.store = store;
    this.review = review;
  }

  @Scheduled(fixedDelayString = "${vigil.incident.rollback-retry-interval:PT5S}",
      initialDelayString = "${vigil.incident.rollback-retry-interval:PT5S}")
  void retry() {
    for (String[] pending : store.partialRollbacks(BATCH)) {
      try {
        review.rollback(Caller.system(pending[0]), pending[1]);
      } catch (RuntimeException e) {
        LOG.warn("rollback retry of incident {} of tenant {} failed ({}); will retry", pending[1], pending[0],
            e.getClass().getSimpleName());
      }
    }
  }
}
