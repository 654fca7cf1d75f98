/**
 * Replay: streams a JSONL file of login events through a {@link dev.vigil.core.VigilEngine} and writes the
 * assessments as JSONL, in constant memory, with a summary an operator can read. Replaying the same events
 * gives the same assessments (the engine runs on event time), which is what makes backtesting a rule change
 * and rebuilding profiles the same job.
 */
@NullMarked
package dev.vigil.core.replay;

import org.jspecify.annotations.NullMarked;
