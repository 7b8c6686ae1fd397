package io.convener.benchmarks.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One event stream of {@link SseConnections}: writes its request, reads the status line and the
 * headers, then decodes the body (chunked or not) into lines and hands {@code data:} lines on.
 * Used by the selector thread only. Holds no buffer while idle beyond a partial line.
 */
final class SseConnection {
  private enum Phase { HEADERS, SIZE, DATA, DATA_END, RAW }

  private final Consumer<String> onData;
  private final SseConnections owner;
  private @Nullable SocketChannel channel;
  private @Nullable ByteBuffer request;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(0);
  private @Nullable StringBuilder headers = new StringBuilder(256);
  private Phase phase = Phase.HEADERS;
  private long chunkLeft;

  SseConnection(byte[] request, Consumer<String> onData, SseConnections owner) {
    this.request = ByteBuffer.wrap(request);
    this.onData = onData;
    this.owner = owner;
  }

  void channel(SocketChannel channel) {
    this.channel = channel;
  }

  /** Whether the response headers came with 200. */
  boolean open() {
    return phase != Phase.HEADERS;
  }

  /** Writes what is left of the request; true when all of it is written. */
  boolean write(SocketChannel ch) throws IOException {
    ByteBuffer r = request;
    if (r == null) {
      return true;
    }
    ch.write(r);
    if (r.hasRemaining()) {
      return false;
    }
    request = null;
    return true;
  }

  void consume(ByteBuffer in) {
    while (in.hasRemaining() && channel != null) {
      byte b = in.get();
      switch (phase) {
        case HEADERS -> header(b);
        case SIZE -> {
          if (b == '\n') {
            String hex = text().trim();
            int semicolon = hex.indexOf(';');
            chunkLeft = Long.parseLong(semicolon < 0 ? hex : hex.substring(0, semicolon), 16);
            phase = chunkLeft == 0 ? Phase.RAW : Phase.DATA;
          } else {
            line.write(b);
          }
        }
        case DATA -> {
          body(b);
          if (--chunkLeft == 0) {
            phase = Phase.DATA_END;
          }
        }
        case DATA_END -> {
          if (b == '\n') {
            phase = Phase.SIZE;
          }
        }
        case RAW -> body(b);
      }
    }
  }

  private void header(byte b) {
    StringBuilder h = headers;
    if (h == null) {
      return;
    }
    h.append((char) b);
    int n = h.length();
    if (n < 4 || h.charAt(n - 1) != '\n' || h.charAt(n - 3) != '\n') {
      return;
    }
    String all = h.toString();
    headers = null;
    String[] status = all.split(" ", 3);
    int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : -1;
    if (code == 200) {
      phase = all.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? Phase.SIZE : Phase.RAW;
    }
    owner.headers(this, code);
  }

  private void body(byte b) {
    if (b != '\n') {
      line.write(b);
      return;
    }
    String text = text();
    if (text.startsWith("data:")) {
      onData.accept(text);
    }
  }

  private String text() {
    String s = line.toString(StandardCharsets.UTF_8);
    line.reset();
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  void close() {
    SocketChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
