package io.convener.http.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference widget page at {@code /ui/} ({@code convener serve}): three files read once from
 * the class path ({@code io/convener/http/ui/}) and served by name. Only the names in a fixed table
 * are served, so no request path, however encoded, reaches another file; anything else is a 404
 * problem. Every answer carries a strict {@code Content-Security-Policy} (scripts, styles and
 * connections from this origin only; framing by this origin and the configured host origins),
 * {@code X-Content-Type-Options: nosniff}, and {@code Cache-Control: no-cache} with a strong
 * {@code ETag}, so a browser revalidates (304) and sees a new version after an upgrade.
 *
 * <p>The host origins are the ones allowed to embed the page in an iframe and to hand it a token
 * with {@code postMessage}; the page reads them from a {@code meta} element of {@code index.html}.
 */
public final class UiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String FOLDER = "/io/convener/http/ui/";
  private static final String HOSTS_MARK = "{{hostOrigins}}";

  private final transient Map<String, Page> pages;
  private final String policy;

  /** A page: its content type, bytes and entity tag. */
  private record Page(String contentType, byte[] body, String etag) {}

  /**
   * The page, loaded now.
   *
   * @param hostOrigins the origins ({@code scheme://host[:port]}, already validated) that may embed
   *     the page and post it a token, besides its own
   * @throws UncheckedIOException when a file is missing from the class path
   */
  public UiServlet(Set<String> hostOrigins) {
    List<String> hosts = List.copyOf(hostOrigins);
    Page index = load("index.html", "text/html; charset=utf-8", String.join(" ", hosts));
    this.pages = Map.of("/", index, "/index.html", index,
        "/ui.js", load("ui.js", "text/javascript; charset=utf-8", null),
        "/ui.css", load("ui.css", "text/css; charset=utf-8", null));
    this.policy = "default-src 'self'; connect-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
        + "; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
        + (hosts.isEmpty() ? "" : " " + String.join(" ", hosts));
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Content-Security-Policy", policy);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    String info = req.getPathInfo();
    if (info == null) {
      // "/ui" without the slash: the page's relative links need the folder
      resp.setHeader("Cache-Control", "no-cache");
      resp.setHeader("Location", req.getContextPath() + req.getServletPath() + "/");
      resp.setStatus(308);
      return;
    }
    Page page = pages.get(info);
    String method = req.getMethod();
    if (page == null) {
      send(resp, Problems.of(404, "not_found", "Not found", "no such page"));
    } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
      send(resp, Problems.of(405, "method_not_allowed", "Method not allowed", "the page is read with GET")
          .with("Allow", "GET, HEAD"));
    } else {
      resp.setHeader("Cache-Control", "no-cache");
      resp.setHeader("ETag", page.etag());
      String match = req.getHeader("If-None-Match");
      if (match != null && List.of(match.split("\\s*,\\s*")).contains(page.etag())) {
        resp.setStatus(304);
        return;
      }
      resp.setStatus(200);
      resp.setContentType(page.contentType());
      resp.setContentLength(page.body().length);
      if ("GET".equals(method)) {
        resp.getOutputStream().write(page.body());
      }
    }
  }

  private static void send(HttpServletResponse resp, Response r) throws IOException {
    resp.setStatus(r.status());
    resp.setHeader("Cache-Control", "no-store");
    r.headers().forEach(resp::setHeader);
    resp.setContentType(r.contentType());
    resp.setContentLength(r.body().length);
    resp.getOutputStream().write(r.body());
  }

  private static Page load(String name, String contentType, @Nullable String hosts) {
    byte[] bytes;
    try (InputStream in = UiServlet.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing class path resource " + FOLDER + name));
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + name, e);
    }
    if (hosts != null) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      bytes = text.replace(HOSTS_MARK, escape(hosts)).getBytes(StandardCharsets.UTF_8);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Page(contentType, bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String escape(String attribute) {
    return attribute.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
