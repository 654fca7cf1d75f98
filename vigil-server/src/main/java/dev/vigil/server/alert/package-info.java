/** Security alerts: which risky logins become alerts, their storage, and who is told of new ones. */
@NullMarked
package dev.vigil.server.alert;

import org.jspecify.annotations.NullMarked;
