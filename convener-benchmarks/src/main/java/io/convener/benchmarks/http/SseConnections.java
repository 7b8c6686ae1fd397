package io.convener.benchmarks.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Many open Server-Sent Event streams held by one thread on one NIO selector: tens of thousands
 * of connections cost a few hundred bytes each here, not a thread or an HTTP client exchange. Each
 * connection sends one {@code GET} with a bearer token, checks the status line, decodes a chunked
 * body if the server sends one, and hands every {@code data:} line to a callback. Client sockets
 * are bound round robin to the given loopback addresses (127.0.0.2 and up reach a server on
 * 127.0.0.1 on Linux), so that more connections than one address's ephemeral ports can be made.
 */
final class SseConnections implements AutoCloseable {
  private final InetSocketAddress server;
  private final List<InetAddress> locals;
  private final Consumer<String> onData;
  private final Selector selector;
  private final Thread loop;
  private final Queue<SseConnection> pending = new ConcurrentLinkedQueue<>();
  private final List<SseConnection> connections = new ArrayList<>();
  private final Semaphore connecting;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private volatile boolean running = true;

  /**
   * Starts the selector thread.
   *
   * @param inFlight how many connections may wait for their response headers at once, so that a
   *     server's accept backlog is not overrun
   */
  SseConnections(InetSocketAddress server, List<InetAddress> locals, int inFlight, Consumer<String> onData)
      throws IOException {
    this.server = server;
    this.locals = List.copyOf(locals);
    this.onData = onData;
    this.connecting = new Semaphore(inFlight);
    this.selector = Selector.open();
    this.loop = new Thread(this::run, "sse-connections");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * Opens one stream per request target and token, and waits until each has its response headers
   * or failed, or the deadline passes. Returns how many are open.
   */
  int open(String host, List<String> targets, List<String> tokens, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    int before = opened.get() + failed();
    for (int i = 0; i < tokens.size(); i++) {
      if (!connecting.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      String request = "GET " + targets.get(i % targets.size()) + " HTTP/1.1\r\nHost: " + host
          + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + tokens.get(i) + "\r\n\r\n";
      SseConnection c = new SseConnection(request.getBytes(StandardCharsets.US_ASCII), onData, this);
      pending.add(c);
      selector.wakeup();
    }
    while (opened.get() + failed() - before < tokens.size() && System.nanoTime() < end) {
      LockSupport.parkNanos(20_000_000L);
    }
    return opened.get();
  }

  /** Streams whose response headers said 200. */
  int opened() {
    return opened.get();
  }

  /** Streams the server closed after they had opened. */
  int dropped() {
    return dropped.get();
  }

  /** Failures by reason (a status other than 200, or an I/O error), for the report. */
  Map<String, AtomicInteger> failures() {
    return failures;
  }

  private int failed() {
    return failures.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  void headers(SseConnection c, int status) {
    if (status == 200) {
      connecting.release();
      opened.incrementAndGet();
    } else {
      fail(c, "status " + status);
    }
  }

  void fail(SseConnection c, String reason) {
    if (!c.open()) {
      connecting.release();
    } else {
      opened.decrementAndGet();
      dropped.incrementAndGet();
    }
    failures.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
    c.close();
  }

  private void run() {
    while (running) {
      try {
        selector.select(200);
        for (SseConnection c = pending.poll(); c != null; c = pending.poll()) {
          register(c);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          ready(key);
        }
        selector.selectedKeys().clear();
      } catch (IOException e) {
        System.err.println("selector failed: " + e);
        return;
      }
    }
  }

  private void register(SseConnection c) {
    try {
      SocketChannel ch = SocketChannel.open();
      c.channel(ch);
      connections.add(c);
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (!locals.isEmpty()) {
        ch.bind(new InetSocketAddress(locals.get(connections.size() % locals.size()), 0));
      }
      boolean connected = ch.connect(server);
      ch.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
    } catch (IOException e) {
      fail(c, "connect: " + e.getMessage());
    }
  }

  private void ready(SelectionKey key) {
    SseConnection c = (SseConnection) key.attachment();
    SocketChannel ch = (SocketChannel) key.channel();
    try {
      if (key.isConnectable() && ch.finishConnect()) {
        key.interestOps(SelectionKey.OP_WRITE);
      } else if (key.isWritable()) {
        if (c.write(ch)) {
          key.interestOps(SelectionKey.OP_READ);
        }
      } else if (key.isReadable()) {
        buffer.clear();
        if (ch.read(buffer) < 0) {
          fail(c, "closed by the server");
          return;
        }
        buffer.flip();
        c.consume(buffer);
      }
    } catch (IOException e) {
      fail(c, "i/o: " + e.getMessage());
    }
  }

  /** Stops the selector thread and closes every connection. */
  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SseConnection c : connections) {
      c.close();
    }
    selector.close();
  }
}
