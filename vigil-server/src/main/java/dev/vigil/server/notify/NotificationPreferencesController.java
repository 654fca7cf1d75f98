package dev.vigil.server.notify;

import dev.vigil.server.auth.AuthenticatedUser;
import dev.vigil.server.caller.InvalidRequestException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in user's own notification choices: {@code GET /auth/notification-preferences} lists every topic
 * with whether it is on and whether it is security-critical; {@code PUT} takes {@code {"<topic>": true|false, …}}
 * and answers the list. Switching off a security-critical topic is refused (400
 * {@code security-critical-topic}) and nothing of the request is stored, so a request is applied whole or not at
 * all. The user is the access token's account: nobody can set another user's choices.
 */
@RestController
final class NotificationPreferencesController {
  private final NotificationPreferences preferences;
  private final Clock clock;

  NotificationPreferencesController(NotificationPreferences preferences, Clock clock) {
    this.preferences = preferences;
    this.clock = clock;
  }

  @GetMapping("/auth/notification-preferences")
  PreferencesView get(@AuthenticationPrincipal AuthenticatedUser user) {
    return view(user);
  }

  @PutMapping("/auth/notification-preferences")
  PreferencesView put(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody Map<String, Boolean> choices) {
    Map<Topic, Boolean> parsed = new LinkedHashMap<>();
    choices.forEach((name, enabled) -> {
      if (enabled == null) {
        throw new InvalidRequestException("topic " + name + ": true or false");
      }
      parsed.put(topic(name), enabled);
    });
    parsed.forEach((topic, enabled) -> {
      if (!enabled && topic.securityCritical()) {
        throw new SecurityCriticalTopicException(topic);
      }
    });
    parsed.forEach((topic, enabled) ->
        preferences.choose(user.tenantId(), user.subject(), topic, enabled, clock.instant()));
    return view(user);
  }

  private PreferencesView view(AuthenticatedUser user) {
    return new PreferencesView(Arrays.stream(Topic.values())
        .map(t -> new TopicChoice(t.column(), preferences.wants(user.tenantId(), user.subject(), t),
            t.securityCritical()))
        .toList());
  }

  private static Topic topic(String name) {
    try {
      return Topic.ofColumn(name.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("unknown topic " + name + "; topics are "
          + Arrays.stream(Topic.values()).map(Topic::column).toList());
    }
  }

  record PreferencesView(List<TopicChoice> topics) {}

  record TopicChoice(String topic, boolean enabled, boolean securityCritical) {}
}
