package dev.vigil.streams;

/**
 * The headers of a {@link Topics#DEAD_LETTER} record. Its value is the input record's value unchanged (it may not
 * even be text), so the reason travels beside it; the origin lets an operator find and re-drive it.
 */
public final class DeadLetters {
  /** Why the record is not a login event, e.g. {@code ip: must be an IPv4 or IPv6 address literal: "999.1.1.1"}. */
  public static final String REASON = "vigil.dead-letter.reason";
  public static final String TOPIC = "vigil.dead-letter.topic";
  public static final String PARTITION = "vigil.dead-letter.partition";
  public static final String OFFSET = "vigil.dead-letter.offset";

  private DeadLetters() {}
}
