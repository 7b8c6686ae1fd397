package io.convener.http.internal;

import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * A routed, authenticated request.
 *
 * @param principal who is calling, from the bearer token
 * @param route the route template, such as {@code /v1/innovation/spread/{id}}
 * @param pathParams the values of the template's parameters
 * @param query the query parameters (the first value of each)
 * @param body the request body (empty for GET)
 */
record Request(Principal principal, String route, Map<String, String> pathParams, Map<String, String> query, byte[] body) {
  Request {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
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
}
