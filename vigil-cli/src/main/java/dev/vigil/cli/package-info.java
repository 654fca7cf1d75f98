/**
 * The {@code vigil} command line: picocli commands that translate arguments, files and exit codes to and from
 * the core's API, and nothing more. Each subcommand is one class; output formatting lives beside it.
 */
@NullMarked
package dev.vigil.cli;

import org.jspecify.annotations.NullMarked;
