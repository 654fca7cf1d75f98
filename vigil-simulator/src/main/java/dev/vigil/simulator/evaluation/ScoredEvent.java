package dev.vigil.simulator.evaluation;

import org.jspecify.annotations.Nullable;

/** One event as the evaluation needs it: truth, Vigil's verdict, and the baselines' flags. */
record ScoredEvent(
    String userKey,
    boolean success,
    boolean attack,
    @Nullable String attackType,
    @Nullable String attackerModel,
    @Nullable String campaignId,
    int score,
    boolean flagged,
    boolean challenged,
    boolean newIpFlag,
    boolean bruteForceFlag) {}
