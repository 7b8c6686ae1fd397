package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routed, authenticated request. The body is read only when the route asks for it: {@link
 * #body()} for a document (read whole, within the limit for buffered bodies), {@link
 * #bodyStream()} for a route that parses it as it arrives (ingestion). Used by one thread.
 */
final class Request {
  /** Whole days: 1 to 9999 followed by {@code d}. */
  private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,3})d");

  private final Principal principal;
  private final String route;
  private final Map<String, String> pathParams;
  private final Map<String, String> query;
  private final Body body;

  /**
   * @param principal who is calling, from the bearer token
   * @param route the route template, such as {@code /v1/innovation/spread/{id}}
   * @param pathParams the values of the template's parameters
   * @param query the query parameters (the first value of each)
   * @param body the request body, not read yet
   */
  Request(Principal principal, String route, Map<String, String> pathParams, Map<String, String> query, Body body) {
    this.principal = requireNonNull(principal, "principal");
    this.route = requireNonNull(route, "route");
    this.pathParams = Map.copyOf(pathParams);
    this.query = Map.copyOf(query);
    this.body = requireNonNull(body, "body");
  }

  /** A request whose body is already in memory. */
  Request(Principal principal, String route, Map<String, String> pathParams, Map<String, String> query, byte[] body) {
    this(principal, route, pathParams, query, Body.of(body));
  }

  Principal principal() {
    return principal;
  }

  String route() {
    return route;
  }

  Map<String, String> pathParams() {
    return pathParams;
  }

  Map<String, String> query() {
    return query;
  }

  /** The whole body (empty for GET); read on the first call. */
  byte[] body() {
    return body.bytes();
  }

  /** The body as it arrives, for routes that parse it line by line; call it once, instead of {@link #body()}. */
  InputStream bodyStream() {
    return body.stream();
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }

  String path(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new InvalidInputException(name, "is required");
    }
    return v;
  }

  /** A query parameter that must be an integer from 1 to {@code max}; the message gives the value sent. */
  Optional<Integer> intParam(String name, int max) {
    return param(name).map(v -> {
      int n;
      try {
        n = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1 || n > max) {
        throw new InvalidInputException(name, "must be an integer from 1 to " + max + ", got '" + v + "'");
      }
      return n;
    });
  }

  /**
   * A query parameter of whole days, such as {@code 90d}, from 1 to {@code maxDays}; {@code
   * fallback} when absent. The message gives the range and the value sent.
   */
  Duration daysParam(String name, Duration fallback, int maxDays) {
    String value = param(name).orElse(fallback.toDays() + "d");
    Matcher m = DAYS.matcher(value);
    if (!m.matches() || Integer.parseInt(m.group(1)) > maxDays) {
      throw new InvalidInputException(name, "expected 1d to " + maxDays + "d, got '" + value + "'");
    }
    return Duration.ofDays(Integer.parseInt(m.group(1)));
  }
}
