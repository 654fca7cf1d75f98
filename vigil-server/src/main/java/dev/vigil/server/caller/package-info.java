/**
 * Who is calling the internal and admin APIs: the tenant and actor of the authenticated login-service account
 * ({@link dev.vigil.server.caller.CallerResolver}), never a header or parameter.
 */
@NullMarked
package dev.vigil.server.caller;

import org.jspecify.annotations.NullMarked;
