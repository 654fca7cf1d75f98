package dev.vigil.server.notify;

import java.time.Instant;
import java.util.List;

/**
 * Something that pages when left unacknowledged: today alerts ({@link AlertEscalationSource}); incidents plug in
 * by declaring another bean of this type with their own {@link #kind()}. {@link AlertEscalator} does the rest:
 * records the escalation, pages, and resolves the page once the subject is acknowledged.
 */
interface EscalationSource {
  /** The {@code notification_escalations.subject_kind} of this source's subjects, e.g. {@code alert}. */
  String kind();

  /**
   * Subjects that should page: unacknowledged, created in {@code (createdAfter, createdBefore]}, and not yet in
   * {@code notification_escalations} under this kind.
   */
  List<Subject> overdue(Instant createdBefore, Instant createdAfter);

  /** Escalated subjects (resolved_at still null) that have been acknowledged since. */
  List<Subject> acknowledgedSinceEscalation();

  /**
   * @param severity PagerDuty's severity: {@code critical}, {@code error}, {@code warning}, {@code info}
   * @param summary one line for the on-call person, without personal data beyond the user id
   */
  record Subject(long id, String tenantId, String severity, String summary) {}
}
