/**
 * Machinery of the HTTP API (routing, problem details, idempotency, metrics); not API. The JSON
 * shapes of the records are in {@code io.convener.http.json}, shared with the command line.
 */
@NullMarked
package io.convener.http.internal;

import org.jspecify.annotations.NullMarked;
