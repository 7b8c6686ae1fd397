package io.convener.http.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to what never reaches the servlet (a malformed request line, bad percent-escapes
 * in the path, a negative {@code Content-Length}, {@code Content-Length} with {@code
 * Transfer-Encoding}, headers too large, a timeout) as problem+json instead of Jetty's HTML page,
 * with a fixed detail per status ({@link Api#containerProblem}), so nothing of the request or of
 * the server leaks. Used for the server and for the servlet context. Jetty-specific: only {@code
 * ConvenerHttpServer} uses it.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private static final String PROBLEM = "application/problem+json";

  /** A handler that writes problem+json. */
  public ProblemErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object attribute = request.getAttribute(ERROR_STATUS);
    if (attribute instanceof Integer s) {
      status = s;
    }
    if (status < 400) {
      status = 500;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(Api.containerProblem(status)), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, PROBLEM);
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(Api.containerProblem(status));
  }
}
