package dev.vigil.server.audit;

import java.time.Instant;

/**
 * One stored audit row.
 *
 * @param seq position in the tenant's chain, from 1
 * @param occurredAt when it was appended (microsecond precision, as PostgreSQL stores it)
 * @param actor who acted ({@code system} for automatic actions)
 * @param action what was done, e.g. {@code incident.ack}
 * @param target what it was done to, e.g. {@code incident:3f2…} or {@code user:alice}
 * @param details canonical JSON object with string values
 * @param prevHash the previous row's hash (64 zeros for the first row)
 * @param hash SHA-256 over {@code prevHash} and this row's canonical content
 */
public record AuditEntry(String tenantId, long seq, Instant occurredAt, String actor, String action, String target,
    String details, String prevHash, String hash) {}
