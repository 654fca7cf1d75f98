package dev.vigil.server.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the medium alerts waiting in {@code notification_digest_items} as one digest per tenant to the security
 * team (Slack and email, where configured), every {@code vigil.notify.digest.interval}. Taking the items and
 * enqueuing the digest is one transaction, and items are taken with {@code SKIP LOCKED}, so several instances
 * running this never send an alert in two digests.
 */
@Component
final class AlertDigester {
  private static final int MAX_ITEMS = 5_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Outbox outbox;
  private final NotifySettings settings;
  private final DispatchSignal signal;
  private final Clock clock;

  AlertDigester(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, NotifySettings settings,
      DispatchSignal signal, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.settings = settings;
    this.signal = signal;
    this.clock = clock;
  }

  /** Enqueues a digest for every tenant with waiting alerts; returns how many digests. */
  int sendDigests() {
    Integer digests = transactions.execute(status -> {
      Instant now = clock.instant();
      List<Item> items = new ArrayList<>(jdbc.sql("""
              DELETE FROM notification_digest_items
               WHERE id IN (SELECT id FROM notification_digest_items ORDER BY id LIMIT :max FOR UPDATE SKIP LOCKED)
              RETURNING id, tenant_id, payload::text AS payload""")
          .param("max", MAX_ITEMS)
          .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("tenant_id"),
              ((Notice.AlertRaised) Outbox.fromJson(rs.getString("payload"))).alert()))
          .list());
      items.sort(Comparator.comparingLong(Item::id));
      Map<String, List<Item>> byTenant = new LinkedHashMap<>();
      items.forEach(item -> byTenant.computeIfAbsent(item.tenantId(), t -> new ArrayList<>()).add(item));
      byTenant.forEach((tenant, tenantItems) -> enqueue(tenant, tenantItems, now));
      if (!byTenant.isEmpty()) {
        signal.afterCommit();
      }
      return byTenant.size();
    });
    return digests == null ? 0 : digests;
  }

  private void enqueue(String tenantId, List<Item> items, Instant now) {
    NotifySettings.Channels channels = settings.channelsFor(tenantId);
    Notice.Digest digest = new Notice.Digest(items.stream().map(Item::alert).toList());
    String key = "digest:" + tenantId + ":" + items.getFirst().id();
    if (channels.slack().configured()) {
      outbox.enqueue(new NewMessage(tenantId, null, Channel.SLACK, null, digest, key), now);
    }
    if (channels.email().configured() && !channels.email().securityTeam().isEmpty()) {
      outbox.enqueue(new NewMessage(tenantId, null, Channel.EMAIL, null, digest, key), now);
    }
  }

  private record Item(long id, String tenantId, Notice.AlertSummary alert) {}
}
