package dev.vigil.server.incident;

import dev.vigil.server.caller.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/tuning} (the tenant's tuning steps, newest first) and {@code POST …/{id}/revert}. */
@RestController
final class TuningController {
  private final ThresholdTuner tuner;

  TuningController(ThresholdTuner tuner) {
    this.tuner = tuner;
  }

  @GetMapping("/internal/tuning")
  List<ThresholdTuner.Tuning> list(Caller caller) {
    return tuner.list(caller.tenantId());
  }

  @PostMapping("/internal/tuning/{id}/revert")
  ThresholdTuner.Tuning revert(Caller caller, @PathVariable long id) {
    return tuner.revert(caller.tenantId(), id, caller.actor());
  }
}
