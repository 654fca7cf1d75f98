package dev.vigil.simulator;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * An event before it has an id. Ids are handed out in timestamp order after the global sort, so that the event
 * file reads e-1, e-2, … top to bottom. Everything here but the address is shared with other drafts.
 *
 * @param atSecond epoch second of the attempt
 * @param failure why it failed; {@code null} for a success
 * @param sessionKey the session it created, 0 for none
 * @param campaign the attack it belongs to; {@code null} when legitimate
 */
record Draft(
    long atSecond,
    Account account,
    IpAddress ip,
    Geo geo,
    Client client,
    @Nullable FailureReason failure,
    String authMethod,
    long sessionKey,
    @Nullable Campaign campaign) {}
