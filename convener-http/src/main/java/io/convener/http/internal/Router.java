package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Routes by method and path template ({@code /v1/approvals/{id}/decide}); a template segment in
 * braces matches one non-empty path segment. Immutable after building; thread-safe.
 */
final class Router {
  /** What a route does with a request. */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request);
  }

  /**
   * One route.
   *
   * @param method the HTTP method
   * @param template the path template
   * @param handler what serves it
   * @param roles the roles of which a caller must hold one before its body is read (empty: any
   *     caller); the services' gate checks the roles again, so this only keeps large bodies of
   *     callers the gate would refuse from being read. It must include every role the gate allows.
   */
  record Route(String method, String template, Handler handler, Set<Role> roles) {
    Route {
      requireNonNull(method, "method");
      requireNonNull(template, "template");
      requireNonNull(handler, "handler");
      roles = Set.copyOf(roles);
    }

    /** Whether the principal may send this route a body. */
    boolean admits(Principal principal) {
      return roles.isEmpty() || roles.stream().anyMatch(principal::has);
    }
  }

  /** A route found for a request, with the values of its parameters. */
  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String template, Handler handler) {
    routes.add(new Route(method, template, handler, Set.of()));
    return this;
  }

  /** Adds a route whose body only callers with one of these roles may send (see {@link Route#roles()}). */
  Router add(String method, String template, Handler handler, Role... roles) {
    routes.add(new Route(method, template, handler, Set.of(roles)));
    return this;
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The route for this method and path, if any. */
  Optional<Match> match(String method, String path) {
    for (Route r : routes) {
      if (r.method().equals(method)) {
        Map<String, String> params = params(r.template(), path);
        if (params != null) {
          return Optional.of(new Match(r, params));
        }
      }
    }
    return Optional.empty();
  }

  /** The methods that some route allows on this path (for 405 and its {@code Allow}). */
  Set<String> allowed(String path) {
    Set<String> methods = new TreeSet<>();
    for (Route r : routes) {
      if (params(r.template(), path) != null) {
        methods.add(r.method());
      }
    }
    return methods;
  }

  private static @Nullable Map<String, String> params(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = path.split("/", -1);
    if (t.length != p.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (p[i].isEmpty()) {
          return null;
        }
        params.put(t[i].substring(1, t[i].length() - 1), p[i]);
      } else if (!t[i].equals(p[i])) {
        return null;
      }
    }
    return params;
  }
}
