/**
 * The versioned HTTP API of Convener: {@link io.convener.http.ConvenerHttpServer} serves a running
 * {@link io.convener.api.Convener} under {@code /v1/} with bearer-JWT authentication, RFC 9457
 * problem details, idempotent POSTs, Server-Sent Events and an OpenAPI 3.1 document.
 */
@NullMarked
package io.convener.http;

import org.jspecify.annotations.NullMarked;
