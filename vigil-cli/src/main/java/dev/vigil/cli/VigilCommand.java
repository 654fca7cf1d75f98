package dev.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code vigil} root command. It does nothing itself; subcommands do the work. Exit codes: 0 success,
 * 1 runtime failure, 2 usage error, 3 malformed input under {@code --strict}.
 */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Vigil, the login-risk engine: assesses login events and explains every decision.",
    subcommands = {SimulateCommand.class, ReplayCommand.class, ImportCommand.class, TailCommand.class,
        EvaluateCommand.class, StreamsCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:runtime failure (unreadable file, I/O error)",
        "2:usage error (unknown or missing option)",
        "3:malformed input line under --strict"})
public final class VigilCommand implements Runnable {
  private final Stdio stdio;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (also VIGIL_DEBUG=1).")
  // Never read here: Failures looks for it in the parse result, since an inherited option may be matched on a
  // subcommand, where it binds to that subcommand's copy.
  private boolean verbose;

  VigilCommand(Stdio stdio) {
    this.stdio = requireNonNull(stdio, "stdio");
  }

  public static void main(String[] args) {
    System.exit(execute(Stdio.system(), args));
  }

  /** Runs the command line against {@code stdio} and returns the exit code. */
  static int execute(Stdio stdio, String... args) {
    return commandLine(stdio).execute(args);
  }

  static CommandLine commandLine(Stdio stdio) {
    CommandLine commandLine = new CommandLine(new VigilCommand(stdio));
    commandLine.setOut(new PrintWriter(stdio.out(), true));
    commandLine.setErr(new PrintWriter(stdio.err(), true));
    commandLine.setExecutionExceptionHandler(new Failures(stdio.debug()));
    return commandLine;
  }

  Stdio stdio() {
    return stdio;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
