/** Keyed hashing of personal data (IP addresses) before it is stored. */
@NullMarked
package dev.vigil.server.privacy;

import org.jspecify.annotations.NullMarked;
