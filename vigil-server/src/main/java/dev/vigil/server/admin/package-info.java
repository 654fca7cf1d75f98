/** Tenant administration: statistics for the dashboard ({@code /admin/**}, ADMIN only). */
@NullMarked
package dev.vigil.server.admin;

import org.jspecify.annotations.NullMarked;
