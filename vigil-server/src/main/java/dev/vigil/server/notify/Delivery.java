package dev.vigil.server.notify;

/**
 * How one send ended. Every channel checks the other side's answer (PR #278's review: a send whose result is not
 * checked fails silently): only a 2xx or an accepted SMTP transaction is {@link Delivered}.
 */
public sealed interface Delivery {
  /** The other side accepted it. */
  record Delivered() implements Delivery {}

  /** It may work later (non-2xx, timeout, SMTP error): retried with back-off, then a dead letter. */
  record Failed(String reason) implements Delivery {}

  /** It cannot work as configured (no destination, nobody to send to): a dead letter at once. */
  record Undeliverable(String reason) implements Delivery {}

  /** It must not be sent (the user switched the topic off): recorded as skipped, not an error. */
  record Skipped(String reason) implements Delivery {}

  static Delivery delivered() {
    return new Delivered();
  }
}
