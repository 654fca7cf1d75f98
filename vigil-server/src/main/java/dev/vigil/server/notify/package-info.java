/**
 * Notifications that always arrive: a transactional outbox written with each alert, dispatchers that deliver it
 * over email, Slack, signed webhooks and PagerDuty with retries, circuit breakers and dead letters, digests of
 * medium alerts, escalation of unacknowledged high ones, and the user's "was this you?" links.
 *
 * <p>See {@code docs/notifications.md} for channels, configuration and delivery guarantees.
 */
@NullMarked
package dev.vigil.server.notify;

import org.jspecify.annotations.NullMarked;
