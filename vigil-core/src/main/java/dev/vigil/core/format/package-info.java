/**
 * Adapters from identity providers' and servers' own event formats to Vigil's login event contract: Keycloak
 * events, Auth0 log events, the Okta System Log, AWS CloudTrail {@code ConsoleLogin}, OpenSSH auth.log lines and
 * OCSF Authentication. {@link dev.vigil.core.format.Format} names them, {@link dev.vigil.core.format.FormatReader}
 * frames an input (JSON array, JSON lines, CloudTrail {@code Records}, log lines) and hands each record to the
 * format's adapter. A record that is not a login attempt is skipped and counted; one that claims to be a login but
 * breaks the contract is an {@link dev.vigil.core.event.InvalidEventException} naming the vendor's field.
 */
@NullMarked
package dev.vigil.core.format;

import org.jspecify.annotations.NullMarked;
