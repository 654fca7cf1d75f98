package dev.vigil.core.siem;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;

/** Writes one assessment as one line (without the line break). Implementations are immutable and thread-safe. */
public sealed interface AssessmentFormatter
    permits JsonlFormatter, OcsfFindingFormatter, CefFormatter, SyslogFormatter {

  /**
   * @param assessment the verdict
   * @param event the login it judged (address, user agent and geo come from here)
   */
  String format(Assessment assessment, LoginEvent event);
}
