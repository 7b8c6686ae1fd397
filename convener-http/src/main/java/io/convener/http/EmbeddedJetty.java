package io.convener.http;

import io.convener.http.internal.ProblemErrorHandler;
import io.convener.http.internal.UiServlet;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The Jetty 12 server of {@link ConvenerHttpServer}, assembled but not started: one connector
 * (HTTPS with a PKCS#12 keystore, or plain HTTP) with the header size and timeouts of {@link
 * HttpLimits}, the {@link ConvenerServlet} at the root with async support, the widget page
 * ({@link UiServlet}) at {@code /ui/}, and {@link ProblemErrorHandler} for everything Jetty answers
 * itself.
 *
 * @param server the server
 * @param connector its one connector
 */
record EmbeddedJetty(Server server, ServerConnector connector) {
  /** A keystore and its password. */
  record Tls(Path keystore, char[] password) {}

  static EmbeddedJetty assemble(ConvenerServlet servlet, HttpLimits limits, int threads, InetSocketAddress address,
      @Nullable Tls tls, Set<String> uiHostOrigins) {
    QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads));
    pool.setName("convener-http");
    pool.setDaemon(true);
    Server server = new Server(pool);
    ProblemErrorHandler errors = new ProblemErrorHandler();
    server.setErrorHandler(errors);
    ServerConnector connector = connector(server, limits, tls);
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/", null, null, null, errors);
    ServletHolder holder = new ServletHolder("convener", servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    context.addServlet(new ServletHolder("convener-ui", new UiServlet(uiHostOrigins)), "/ui/*");
    server.setHandler(new RequestTimeouts(context, limits));
    server.setStopTimeout(1000);
    return new EmbeddedJetty(server, connector);
  }

  private static ServerConnector connector(Server server, HttpLimits limits, @Nullable Tls tls) {
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(limits.maxHeaderBytes());
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector;
    if (tls != null) {
      config.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(tls.keystore().toString());
      ssl.setKeyStoreType("PKCS12");
      ssl.setKeyStorePassword(new String(tls.password()));
      connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(config));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(config));
    }
    connector.setIdleTimeout(limits.headerReadTimeout().toMillis());
    return connector;
  }
}
