package dev.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's standard streams and environment, passed in rather than read from {@link System} so that tests
 * can run commands in-process and capture everything.
 *
 * @param in standard input (events for {@code --in -})
 * @param out standard output (assessments for {@code --out -}, else the summary)
 * @param err standard error (progress, errors, the summary when stdout carries data)
 * @param interactive whether a person is watching a terminal, so a redrawn progress bar makes sense
 * @param env environment variables, e.g. {@code VIGIL_DEBUG}
 */
record Stdio(InputStream in, PrintStream out, PrintStream err, boolean interactive, Map<String, String> env) {
  Stdio {
    requireNonNull(in, "in");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    env = Map.copyOf(env);
  }

  static Stdio system() {
    return new Stdio(System.in, System.out, System.err, onTerminal(), System.getenv());
  }

  boolean debug() {
    return "1".equals(env.get("VIGIL_DEBUG"));
  }

  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22 System.console() can return a console whose streams are redirected; isTerminal() tells them
    // apart. It does not exist on JDK 21, which returns null in that case anyway.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
