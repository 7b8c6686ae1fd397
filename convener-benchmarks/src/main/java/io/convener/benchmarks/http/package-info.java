/**
 * The HTTP load generator ({@link io.convener.benchmarks.http.HttpScale}): idle and active event
 * streams held by one NIO selector, request latency and throughput, against a server in a child
 * JVM. Figures live in {@code docs/benchmarks.md}, section "HTTP tier (issue 15)".
 */
@NullMarked
package io.convener.benchmarks.http;

import org.jspecify.annotations.NullMarked;
