package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A complete response: status, content type, extra headers and body. Immutable, so that the
 * idempotency store can replay it byte for byte.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param headers further headers (one value each)
 * @param body the body bytes
 */
record Response(int status, String contentType, Map<String, String> headers, byte[] body) {
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  Response {
    requireNonNull(contentType, "contentType");
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
  }

  /** A JSON document with this status. */
  static Response json(int status, Object document) {
    return new Response(status, JSON, Map.of(), Jsons.write(document));
  }

  /** A 200 JSON document. */
  static Response ok(Object document) {
    return json(200, document);
  }

  /** A copy with one more header. */
  Response with(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, more, body);
  }
}
