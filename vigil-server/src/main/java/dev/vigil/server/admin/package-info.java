/**
 * Tenant administration: statistics for the dashboard ({@code /admin/**}, ADMIN only, except {@code GET
 * /admin/stats}, which the console's analysts read too).
 */
@NullMarked
package dev.vigil.server.admin;

import org.jspecify.annotations.NullMarked;
