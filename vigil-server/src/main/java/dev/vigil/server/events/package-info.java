/**
 * Outbound security events ({@code security.login.blocked}, {@code security.login.rollback}) as CloudEvents 1.0
 * JSON, handed to a {@link dev.vigil.server.events.SecurityEventPublisher} inside the transaction of the change.
 */
@NullMarked
package dev.vigil.server.events;

import org.jspecify.annotations.NullMarked;
