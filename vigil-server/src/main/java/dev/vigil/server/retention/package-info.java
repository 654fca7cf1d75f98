/**
 * Drops raw login data once its retention window is over: the raw event JSON (raw IP, user agent, device id) is
 * kept only for {@code vigil.privacy.raw-retention} after it was received.
 */
@NullMarked
package dev.vigil.server.retention;

import org.jspecify.annotations.NullMarked;
