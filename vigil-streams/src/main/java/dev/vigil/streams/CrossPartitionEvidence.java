package dev.vigil.streams;

/**
 * Which logins each task's engine observes from the users of other partitions ({@code VigilEngine.observe}), so that
 * its spray and stuffing evidence is the whole tenant's, not its own users' share.
 */
public enum CrossPartitionEvidence {
  /** Every login: per-source failure ratios and the tenant-wide surge baseline are exactly one engine's. */
  ALL,
  /**
   * Failures only: each login costs one write per partition only when it fails; a source's failures are all seen
   * but its successes only on their own partition, so failure ratios read high (an office NAT may look like a spray
   * sooner than on one engine).
   */
  FAILURES,
  /** Nothing: each engine sees its own users only (the network windows still alert across partitions). */
  NONE
}
