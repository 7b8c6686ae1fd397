/**
 * Machinery of the HTTP API (routing, problem details, idempotency, metrics, the JSON shapes of
 * the records); not API.
 */
@NullMarked
package io.convener.http.internal;

import org.jspecify.annotations.NullMarked;
