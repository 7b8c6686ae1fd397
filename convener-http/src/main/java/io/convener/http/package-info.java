/**
 * The versioned HTTP API of Convener: {@link io.convener.http.ConvenerServlet} serves a running
 * {@link io.convener.api.Convener} under {@code /v1/} with bearer-JWT authentication, RFC 9457
 * problem details, idempotent POSTs, Server-Sent Events and an OpenAPI 3.1 document, in the
 * host's servlet container; {@link io.convener.http.ConvenerHttpServer} runs it on an embedded
 * Jetty 12, with the limits of {@link io.convener.http.HttpLimits}.
 */
@NullMarked
package io.convener.http;

import org.jspecify.annotations.NullMarked;
