package io.convener.http.auth;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link JwksSource} that tests rotate, break and count. Thread-safe. */
final class FakeJwksSource implements JwksSource {
  private volatile String document;
  private volatile boolean down;
  private final AtomicInteger fetches = new AtomicInteger();

  FakeJwksSource(String document) {
    this.document = document;
  }

  /** Serves another document from now on (a key rotation at the issuer). */
  void serve(String newDocument) {
    this.document = newDocument;
    this.down = false;
  }

  /** Makes every fetch fail until {@link #serve} is called (an outage). */
  void goDown() {
    this.down = true;
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public String fetch() throws IOException {
    fetches.incrementAndGet();
    if (down) {
      throw new IOException("connection refused (test outage)");
    }
    return document;
  }

  @Override
  public String toString() {
    return "FakeJwksSource";
  }
}
