package dev.vigil.server.enforce;

import java.util.List;

/**
 * What undoing an incident's actions achieved.
 *
 * @param actions every action of the incident, after the attempt
 * @param complete whether nothing is left to undo (no action PENDING, DONE, FAILED or UNDO_FAILED)
 */
public record RollbackReport(List<ActionView> actions, boolean complete) {
  public RollbackReport {
    actions = List.copyOf(actions);
  }

  public List<ActionView> failed() {
    return actions.stream().filter(a -> a.status() == ActionStatus.UNDO_FAILED).toList();
  }
}
