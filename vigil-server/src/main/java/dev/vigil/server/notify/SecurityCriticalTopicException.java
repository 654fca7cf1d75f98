package dev.vigil.server.notify;

import dev.vigil.core.event.VigilException;

/** A user tried to switch off a topic that protects their account. */
public final class SecurityCriticalTopicException extends VigilException {
  SecurityCriticalTopicException(Topic topic) {
    super("topic " + topic.column() + " is security-critical and cannot be switched off");
  }
}
