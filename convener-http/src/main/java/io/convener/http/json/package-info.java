/**
 * The JSON documents of the API records, shared by the HTTP API and the {@code convener} command
 * line so that both print the same fields in the same order: each method turns a result record
 * into plain ordered maps and lists that Jackson writes as they are. The shapes are the ones
 * CONTRACT.md pins; a change here changes both the command line output and the HTTP responses.
 */
@NullMarked
package io.convener.http.json;

import org.jspecify.annotations.NullMarked;
