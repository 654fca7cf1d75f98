package dev.vigil.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer for one event of a batch ({@code POST /api/v1/events}).
 *
 * @param index the event's position in the batch, from 0
 * @param line its 1-based line number, for JSON lines only
 * @param eventId its eventId (given or derived); absent for an invalid event that names none
 * @param status {@code assessed} (stored now), {@code duplicate} (stored before, or earlier in the batch: the
 *     first assessment stands) or {@code invalid} (skipped, see {@code error})
 * @param decision the decision, unless invalid
 * @param score the score, unless invalid
 * @param error why the event was refused, for {@code invalid} only
 * @param skipped for {@code skipped} only (vendor formats): the kind of record that is not a login attempt, e.g.
 *     {@code auth0 type sapi}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventResult(int index, @Nullable Integer line, @Nullable String eventId, String status,
    @Nullable String decision, @Nullable Integer score, @Nullable FieldError error, @Nullable String skipped) {

  static final String ASSESSED = "assessed";
  static final String DUPLICATE = "duplicate";
  static final String INVALID = "invalid";
  static final String SKIPPED = "skipped";

  EventResult(int index, @Nullable Integer line, @Nullable String eventId, String status, @Nullable String decision,
      @Nullable Integer score, @Nullable FieldError error) {
    this(index, line, eventId, status, decision, score, error, null);
  }

  /** The field an invalid event broke ({@code $} for the element as a whole) and the rule. */
  record FieldError(String field, String message) {}
}
