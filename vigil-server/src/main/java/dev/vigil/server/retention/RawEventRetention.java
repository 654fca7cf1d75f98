package dev.vigil.server.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sets {@code login_events.raw_event} to NULL for events received longer ago than
 * {@code vigil.privacy.raw-retention}. The window runs from receipt, not from the event's own time: an imported
 * history of old events is still kept for the full window. The pseudonymised columns stay.
 *
 * <p>Works in batches of {@code vigil.privacy.retention-batch-size}, each its own short transaction, along the
 * partial index {@code login_events_raw_retention}, which holds only rows that still have raw data. Several
 * instances sweeping at once only share the work.
 */
@Component
final class RawEventRetention {
  private static final Logger LOG = LoggerFactory.getLogger(RawEventRetention.class);

  /** One batch; the plan test pins its index. */
  static final String SWEEP_BATCH = """
      UPDATE login_events SET raw_event = NULL
       WHERE seq IN (SELECT seq FROM login_events
                      WHERE raw_event IS NOT NULL AND received_at < :cutoff
                      ORDER BY received_at
                      LIMIT :batch
                      FOR UPDATE SKIP LOCKED)""";

  private final JdbcClient jdbc;
  private final RetentionSettings settings;
  private final Clock clock;

  RawEventRetention(JdbcClient jdbc, RetentionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Clears every raw event past the window.
   *
   * @return how many were cleared
   */
  @Scheduled(initialDelayString = "${vigil.privacy.retention-sweep-interval:PT1H}",
      fixedDelayString = "${vigil.privacy.retention-sweep-interval:PT1H}")
  long sweep() {
    Instant cutoff = clock.instant().minus(settings.rawRetention());
    long cleared = 0;
    int batch;
    do {
      batch = jdbc.sql(SWEEP_BATCH)
          .param("cutoff", Timestamp.from(cutoff))
          .param("batch", settings.retentionBatchSize())
          .update();
      cleared += batch;
    } while (batch == settings.retentionBatchSize());
    if (cleared > 0) {
      LOG.info("retention: cleared the raw data of {} login events received before {}", cleared, cutoff);
    } else {
      LOG.debug("retention: no raw login data older than {}", cutoff);
    }
    return cleared;
  }
}
