/**
 * Who may call the engine API ({@code /api/**}): tenants, their API keys (hashed at rest), the Spring Security
 * chain that authenticates a key and makes its tenant the principal, and the per-key rate limit.
 */
@NullMarked
package dev.vigil.server.access;

import org.jspecify.annotations.NullMarked;
