package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml read by an independent parser (swagger-parser, not the Jackson tree the server
 * and {@link OpenApiDriftTest} use): it parses with no message, every {@code $ref} resolves, every
 * route the server serves is declared with its method, every path template variable is a required
 * path parameter, and operation ids are unique. The drift test checks real responses against it.
 */
class OpenApiParserTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @Test
  void theDocumentParsesWithoutAnyMessage() {
    SwaggerParseResult result = parse(document());
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void everyServedRouteIsDeclaredWithItsMethod() throws Exception {
    OpenAPI api = parse(document()).getOpenAPI();
    List<String> routes;
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:openapi-parser;DB_CLOSE_DELAY=-1")
        .inMemoryKeys().build();
        ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier())
            .bind("127.0.0.1", 0).start()) {
      routes = server.routes();
    }
    assertThat(routes).isNotEmpty();
    List<String> undeclared = new ArrayList<>();
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      PathItem item = api.getPaths().get(parts[1]);
      if (item == null || !item.readOperationsMap().containsKey(PathItem.HttpMethod.valueOf(parts[0]))) {
        undeclared.add(route);
      }
    }
    assertThat(undeclared).as("served routes missing from docs/openapi.yaml").isEmpty();
  }

  @Test
  void templateVariablesAreRequiredPathParametersAndOperationIdsAreUnique() {
    OpenAPI api = parse(document()).getOpenAPI();
    List<String> defects = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
        String where = op.getKey() + " " + path.getKey();
        Matcher m = VARIABLE.matcher(path.getKey());
        while (m.find()) {
          if (!declaresPathParameter(path.getValue(), op.getValue(), m.group(1))) {
            defects.add(where + ": no required path parameter '" + m.group(1) + "'");
          }
        }
        if (op.getValue().getResponses() == null || op.getValue().getResponses().isEmpty()) {
          defects.add(where + ": no responses");
        }
        String id = op.getValue().getOperationId();
        if (id != null && !ids.add(id)) {
          defects.add(where + ": operationId '" + id + "' used twice");
        }
      }
    }
    assertThat(defects).isEmpty();
  }

  @Test
  void theParserReportsABrokenReferenceAndAMalformedDocument() {
    String broken = document().replaceFirst("\\$ref: \"#/components/schemas/Health\"",
        "\\$ref: \"#/components/schemas/NoSuchSchema\"");
    assertThat(broken).isNotEqualTo(document());
    assertThat(parse(broken).getMessages()).anySatisfy(m -> assertThat(m).contains("NoSuchSchema"));
    assertThat(parse("openapi: 3.1.0\npaths: [not, a, map]\n").getMessages()).isNotEmpty();
  }

  private static boolean declaresPathParameter(PathItem item, Operation op, String name) {
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    return all.stream().anyMatch(p -> name.equals(p.getName())
        && "path".equals(p.getIn().toLowerCase(Locale.ROOT)) && Boolean.TRUE.equals(p.getRequired()));
  }

  private static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIParser().readContents(yaml, null, options);
  }

  /** docs/openapi.yaml as packaged into the jar, the copy the server serves. */
  private static String document() {
    try (InputStream in = OpenApiParserTest.class.getResourceAsStream("/io/convener/http/openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read openapi.yaml", e);
    }
  }
}
