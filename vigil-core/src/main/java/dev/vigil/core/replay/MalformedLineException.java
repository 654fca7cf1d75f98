package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.VigilException;
import org.jspecify.annotations.Nullable;

/** A strict replay met a line it could not assess; the replay stopped there. */
public final class MalformedLineException extends VigilException {
  private final transient ReplayProblem problem;

  public MalformedLineException(ReplayProblem problem, @Nullable Throwable cause) {
    super("line " + requireNonNull(problem, "problem").lineNumber() + " is malformed: " + problem.message(),
        cause);
    this.problem = problem;
  }

  /** The offending line and what was wrong with it. */
  public ReplayProblem problem() {
    return problem;
  }
}
