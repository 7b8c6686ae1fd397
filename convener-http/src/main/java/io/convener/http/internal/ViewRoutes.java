package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkQuery;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseSeries;
import io.convener.http.export.NetworkFormat;
import io.convener.http.json.PulseSeriesShapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What people look at: the interaction network as a file ({@code GET /v1/graph?format=graphml|gexf|csv|json&window=90d})
 * and a pulse trend ({@code GET /v1/pulse/series?team=T&points=12&step=7d&window=28d}). Each is one
 * call of its service: one pass of the choke point, one provenance entry.
 */
final class ViewRoutes {

  private final Convener convener;
  private final Clock clock;

  ViewRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/graph", this::graph);
    router.add("GET", "/v1/pulse/series", this::series);
  }

  private Response graph(Request r) {
    String name = r.param("format").orElse("graphml");
    NetworkFormat format = NetworkFormat.named(name).orElseThrow(() -> new InvalidInputException("format",
        "expected graphml, gexf, csv or json, got '" + name + "'"));
    NetworkQuery query = NetworkQuery.defaults().withWindow(ChampionRoutes.window(r.param("window").orElse("90d")))
        .withAsOf(asOf(r));
    NetworkGraph graph = convener.champions().network(r.principal(), query);
    StringWriter text = new StringWriter();
    try {
      format.write(graph, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = format == NetworkFormat.JSON ? Response.JSON : format.contentType() + "; charset=utf-8";
    return new Response(200, type, Map.of("Content-Disposition", "inline; filename=\"network." + format.wireName()
        + "\""), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Response series(Request r) {
    PulseRequest last = new PulseRequest(InsightRoutes.scope(r), asOf(r), InsightRoutes.window(r));
    int points = r.intParam("points", PulseSeries.MAX_POINTS).orElse(12);
    Duration step = r.daysParam("step", Duration.ofDays(7), 366);
    // A series reaching before the year 1800 is an IllegalArgumentException naming asOf: a 400.
    boolean project = r.param("project").map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException("project", "must be true or false, got '" + v + "'");
    }).orElse(false);
    return Response.ok(PulseSeriesShapes.json(convener.pulse().series(r.principal(), last, points, step), project));
  }

  private Instant asOf(Request r) {
    return r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
  }

}
