/**
 * The {@code convener} command line: global options, exit codes and commands exactly as
 * docs/cli.md gives them. Each command is a thin shell over the public Java API.
 */
@NullMarked
package io.convener.examples.cli;

import org.jspecify.annotations.NullMarked;
