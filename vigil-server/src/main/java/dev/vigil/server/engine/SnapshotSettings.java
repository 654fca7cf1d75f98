package dev.vigil.server.engine;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the engine's state is snapshotted into PostgreSQL. A restart replays the events stored after the newest
 * snapshot, so these bound how long a start after a crash takes; a graceful shutdown always writes one.
 *
 * @param everyEvents snapshot after this many newly assessed events
 * @param every snapshot at least this often while events arrive
 * @param keep how many snapshots to keep (the newest ones)
 * @param replayLogEvery log replay progress after this many events
 */
@Validated
@ConfigurationProperties("vigil.engine.snapshot")
public record SnapshotSettings(
    @DefaultValue("1000000") @Positive long everyEvents,
    @DefaultValue("PT10M") Duration every,
    @DefaultValue("2") @Min(1) int keep,
    @DefaultValue("100000") @Positive long replayLogEvery) {}
