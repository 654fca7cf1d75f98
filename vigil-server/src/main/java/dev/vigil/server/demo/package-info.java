/** {@code ./vigil serve --demo}: a simulated month of logins loaded through the pipeline at start. */
@NullMarked
package dev.vigil.server.demo;

import org.jspecify.annotations.NullMarked;
