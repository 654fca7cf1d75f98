package dev.vigil.server.engine;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The group-commit writer that stores assessed logins.
 *
 * @param maxBatch most logins written in one transaction
 * @param queueCapacity assessed logins waiting for the writer before new ones wait for room (back-pressure)
 * @param commitTimeout how long a request waits for its rows to commit before it gets 503
 * @param retryAfter the {@code Retry-After} given with 503 when storing failed
 * @param knownEvents how many stored eventIds the idempotency filter ({@link KnownEvents}) is sized for; beyond it
 *     more new events cost a database look-up
 * @param holdCapacity how many assessed logins are held in memory while the database cannot be reached, to be
 *     stored when it is back; beyond it a login's request fails and the login is not kept
 * @param admitBelow admission control: while this many assessed logins wait for the writer, new requests are
 *     refused at once (503 with {@code Retry-After}) instead of queueing behind them, so a slow database shows as
 *     fast refusals rather than unbounded latency; above {@code queueCapacity} it never applies
 */
@Validated
@ConfigurationProperties("vigil.engine.writer")
public record WriterSettings(
    @DefaultValue("2000") @Positive int maxBatch,
    @DefaultValue("50000") @Positive int queueCapacity,
    @DefaultValue("PT30S") Duration commitTimeout,
    @DefaultValue("PT1S") Duration retryAfter,
    @DefaultValue("10000000") @Positive long knownEvents,
    @DefaultValue("100000") @Positive int holdCapacity,
    @DefaultValue("20000") @Positive int admitBelow) {}
