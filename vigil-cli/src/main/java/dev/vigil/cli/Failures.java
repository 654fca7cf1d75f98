package dev.vigil.cli;

import dev.vigil.core.event.VigilException;
import dev.vigil.core.replay.MalformedLineException;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and an exit code. An operator reads "no such file: x", not a
 * stack trace; the trace is there on request ({@code --verbose} or {@code VIGIL_DEBUG=1}).
 */
final class Failures implements IExecutionExceptionHandler {
  static final int RUNTIME_FAILURE = 1;
  static final int MALFORMED_INPUT = 3;

  private final boolean debugFromEnvironment;

  Failures(boolean debugFromEnvironment) {
    this.debugFromEnvironment = debugFromEnvironment;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println(qualifiedName(command) + ": " + describe(failure));
    if (debugFromEnvironment || verboseRequested(parsed)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return failure instanceof MalformedLineException ? MALFORMED_INPUT : RUNTIME_FAILURE;
  }

  /** A one-line, human reason for the failure. */
  static String describe(Throwable failure) {
    return switch (failure) {
      case UncheckedIOException unchecked -> describe(unchecked.getCause());
      case NoSuchFileException e -> "no such file: " + e.getFile();
      case AccessDeniedException e -> "permission denied: " + e.getFile();
      case FileAlreadyExistsException e -> "already exists: " + e.getFile();
      case NotDirectoryException e -> "not a directory: " + e.getFile();
      case FileSystemException e -> e.getFile() + ": " + (e.getReason() == null ? "cannot be used" : e.getReason());
      case ZipException e -> "the input is not a valid gzip stream (" + e.getMessage() + ")";
      case EOFException e -> "the input ended unexpectedly (a truncated gzip file?)";
      case IOException e -> "I/O error: " + messageOf(e);
      case VigilException e -> messageOf(e);
      default -> "unexpected " + failure.getClass().getSimpleName() + ": " + messageOf(failure)
          + " (run with --verbose for details)";
    };
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static boolean verboseRequested(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String qualifiedName(CommandLine command) {
    return command.getCommandSpec().qualifiedName(" ");
  }
}
