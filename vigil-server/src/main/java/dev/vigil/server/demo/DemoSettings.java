package dev.vigil.server.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo data set ({@code ./vigil serve --demo}).
 *
 * @param enabled load it at start (once: a restart finds it stored and skips it)
 * @param tenant the tenant every simulated event is moved to
 * @param users simulated users
 * @param days simulated days, from 2026-10-01
 * @param seed the simulator's seed; the same seed gives the same events (and eventIds)
 */
@Validated
@ConfigurationProperties("vigil.demo")
public record DemoSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo") @NotBlank String tenant,
    @DefaultValue("1000") @Min(10) @Max(1_000_000) int users,
    @DefaultValue("30") @Min(1) @Max(3650) int days,
    @DefaultValue("7") long seed) {}
