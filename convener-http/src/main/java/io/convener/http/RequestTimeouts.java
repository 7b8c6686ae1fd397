package io.convener.http;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The two timeouts of {@link HttpLimits} on Jetty: a connection waits for a request's headers (and
 * between requests) for at most {@link HttpLimits#headerReadTimeout()} of silence, the connector's
 * idle timeout; once a request has arrived its connection gets {@link HttpLimits#idleTimeout()},
 * and the short one again when the request completes. Thread-safe.
 */
final class RequestTimeouts extends Handler.Wrapper {
  private final long idle;
  private final long headerRead;

  RequestTimeouts(Handler handler, HttpLimits limits) {
    super(handler);
    this.idle = limits.idleTimeout().toMillis();
    this.headerRead = limits.headerReadTimeout().toMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    endPoint.setIdleTimeout(idle);
    Request.addCompletionListener(request, failure -> endPoint.setIdleTimeout(headerRead));
    return super.handle(request, response, callback);
  }
}
