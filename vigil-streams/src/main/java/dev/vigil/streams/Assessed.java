package dev.vigil.streams;

import dev.vigil.core.policy.Assessment;
import org.jspecify.annotations.Nullable;

/**
 * An assessment on its way to the output topics.
 *
 * @param alert whether it goes to {@link Topics#ALERTS}
 * @param network the cross-partition network evidence that made it an alert, when the engine's own signals did not
 */
record Assessed(Assessment assessment, boolean alert, @Nullable NetworkFailures network) {}
