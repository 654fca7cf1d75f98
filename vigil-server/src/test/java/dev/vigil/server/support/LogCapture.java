package dev.vigil.server.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the process, with Vigil's own loggers at DEBUG, until closed: what the log-canary
 * tests search for secrets.
 */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger vigil = (Logger) LoggerFactory.getLogger("dev.vigil");
  private final Level vigilLevel;

  private LogCapture() {
    vigilLevel = vigil.getLevel();
    vigil.setLevel(Level.DEBUG);
    appender.start();
    root.addAppender(appender);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Each event's message, its MDC values and the messages of its exception chain: whatever an appender prints. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      lines.add(event.getFormattedMessage());
      event.getMDCPropertyMap().values().forEach(lines::add);
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    vigil.setLevel(vigilLevel);
  }
}
