/**
 * Who is calling the internal and admin APIs: tenant and actor. On this branch they come from request headers;
 * once Spring Security guards {@code /internal/**} and {@code /admin/**} they come from the principal instead,
 * and only {@link dev.vigil.server.caller.CallerResolver} changes.
 */
@NullMarked
package dev.vigil.server.caller;

import org.jspecify.annotations.NullMarked;
