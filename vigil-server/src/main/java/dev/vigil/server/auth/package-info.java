/**
 * The built-in login service: accounts, passwords, JWT access tokens bound to server-side sessions, rotating
 * refresh tokens, TOTP second factor, brute-force throttling, and the Spring Security chain that guards every
 * route outside {@code /api/**}. Every login attempt goes through {@link dev.vigil.server.engine.LoginPipeline}.
 */
@NullMarked
package dev.vigil.server.auth;

import org.jspecify.annotations.NullMarked;
