package dev.vigil.server.notify;

/**
 * Sends one message over one channel and reports what the other side answered. Called on a virtual thread, with
 * the message's row locked; must not throw for a failed send (return {@link Delivery.Failed}) and must not log
 * secrets, addresses or the message body.
 */
interface Sender {
  Channel channel();

  Delivery send(OutboxMessage message);
}
