/**
 * A user's risk as the engine API shows it ({@code GET /api/v1/users/{userId}/risk}): what the engine's profile
 * knows, the recent assessments, the unread alerts. Always scoped to the API key's tenant.
 */
@NullMarked
package dev.vigil.server.risk;

import org.jspecify.annotations.NullMarked;
