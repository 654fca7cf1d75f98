package dev.vigil.simulator;

import org.jspecify.annotations.Nullable;

/**
 * What the server sees of the software that logged in. Shared by every event a device sends until its browser
 * updates, so events do not each carry their own copy.
 *
 * @param userAgent the User-Agent header
 * @param deviceId the device cookie, {@code null} when the client keeps none (scripts, private windows)
 */
record Client(String userAgent, @Nullable String deviceId) {}
