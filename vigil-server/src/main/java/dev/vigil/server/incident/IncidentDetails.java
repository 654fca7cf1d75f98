package dev.vigil.server.incident;

import dev.vigil.server.enforce.ActionView;
import java.time.Instant;
import java.util.List;

/** One incident with its logins, actions and timeline ({@code GET …/incidents/{id}}). */
public record IncidentDetails(Incident incident, List<Login> events, List<ActionView> actions,
    List<TimelineEntry> timeline) {

  public IncidentDetails {
    events = List.copyOf(events);
    actions = List.copyOf(actions);
    timeline = List.copyOf(timeline);
  }

  /** A login that triggered or joined the incident. */
  public record Login(String eventId, String userId, int score, String decision, List<String> signalTypes,
      Instant occurredAt, Instant attachedAt) {}

  /** One step of the incident's history. */
  public record TimelineEntry(Instant at, String actor, String kind, String detail) {}
}
