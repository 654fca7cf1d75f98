/**
 * What users see of their own security: login history and alerts ({@code /auth/login-history},
 * {@code /auth/security-alerts}, {@code /security/**}), always scoped to the caller's tenant and account.
 */
@NullMarked
package dev.vigil.server.account;

import org.jspecify.annotations.NullMarked;
