package dev.vigil.simulator;

import org.jspecify.annotations.Nullable;

/** One attack: every event it makes carries this as its label. */
record Campaign(String id, AttackType type, @Nullable AttackerModel model) {}
