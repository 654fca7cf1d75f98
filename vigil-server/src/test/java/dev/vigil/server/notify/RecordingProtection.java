package dev.vigil.server.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AccountProtection} that remembers what it was asked to protect. */
final class RecordingProtection implements AccountProtection {
  private final List<LoginReport> reports = new CopyOnWriteArrayList<>();

  @Override
  public void loginReported(LoginReport report) {
    reports.add(report);
  }

  List<LoginReport> reportsOf(String tenantId) {
    return reports.stream().filter(r -> r.tenantId().equals(tenantId)).toList();
  }
}
