/**
 * The dashboard: the analysts' console at {@code /admin} and the users' security page at {@code /account}. The
 * pages are static files (HTML, one ES module each, one style sheet, no build step, nothing from a CDN) that call
 * the JSON APIs with the login service's access token; this package adds the security headers of those pages and
 * the few read endpoints the console needs that no other feature offers (the overview and map under
 * {@code /internal/dashboard}, the user view, the users and open-sessions lists, an incident's notifications).
 * See {@code docs/dashboard.md}.
 */
@NullMarked
package dev.vigil.server.dashboard;

import org.jspecify.annotations.NullMarked;
