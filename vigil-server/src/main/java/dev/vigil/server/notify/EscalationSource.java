package dev.vigil.server.notify;

import java.time.Instant;
import java.util.List;

/**
 * Something that pages when left unacknowledged: alerts ({@link AlertEscalationSource}) and incidents
 * ({@code incident.IncidentEscalationSource}); another kind plugs in by declaring a bean of this type with its own
 * {@link #kind()}. {@link AlertEscalator} does the rest: records the escalation, pages, and resolves the page
 * once the subject is acknowledged.
 */
public interface EscalationSource {
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
   * @param id the subject's id within its kind (an alert's number, an incident's UUID)
   * @param severity PagerDuty's severity: {@code critical}, {@code error}, {@code warning}, {@code info}
   * @param summary one line for the on-call person, without personal data beyond the user id
   */
  record Subject(String id, String tenantId, String severity, String summary) {}
}
