package dev.vigil.server.dashboard;

import dev.vigil.server.caller.Caller;
import dev.vigil.server.dashboard.Directory.SessionRow;
import dev.vigil.server.dashboard.Directory.UserRow;
import dev.vigil.server.dashboard.NotificationTrail.Sent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's lists under {@code /internal/**} (ANALYST or ADMIN), the caller's tenant only: users and open
 * sessions searched by prefix ({@code q}: the beginning of a user id or email) and paginated ({@code page} from 0,
 * {@code size} 1..100; anything else is a 400 problem), and the notifications sent about an incident.
 */
@RestController
final class DirectoryController {
  private final Directory directory;
  private final NotificationTrail notifications;
  private final Clock clock;

  DirectoryController(Directory directory, NotificationTrail notifications, Clock clock) {
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Users, most recently seen first. */
  @GetMapping("/internal/users")
  DirectoryPage<UserRow> users(Caller caller, @RequestParam(required = false) @Nullable @Size(max = 200) String q,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "25") @Min(1) @Max(DirectoryPage.MAX_SIZE) int size) {
    return directory.users(caller.tenantId(), q, page, size);
  }

  /** Open sessions, newest first; "Revoke" is {@code POST /internal/sessions/force-logout}. */
  @GetMapping("/internal/sessions")
  DirectoryPage<SessionRow> sessions(Caller caller,
      @RequestParam(required = false) @Nullable @Size(max = 200) String q,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "25") @Min(1) @Max(DirectoryPage.MAX_SIZE) int size) {
    return directory.sessions(caller.tenantId(), q, page, size, clock.instant());
  }

  /** 404 for an incident the tenant does not have. */
  @GetMapping("/internal/incidents/{id}/notifications")
  List<Sent> notifications(Caller caller, @PathVariable String id) {
    return notifications.of(caller.tenantId(), id);
  }
}
