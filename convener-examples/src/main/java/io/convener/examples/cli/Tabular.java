package io.convener.examples.cli;

/**
 * Marks a command whose output is a list printed as a {@link Table}, so that {@code --format csv}
 * applies to it; {@link FormatCheck} refuses {@code csv} for any other command.
 */
interface Tabular {}
