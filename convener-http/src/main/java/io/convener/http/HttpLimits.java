package io.convener.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits the HTTP API holds callers to, each refused with a problem+json answer. The body and
 * stream limits apply wherever {@link ConvenerServlet} is mounted; the header size and the two
 * timeouts are the connector's, so only {@link ConvenerHttpServer} applies them (a host that mounts
 * the servlet sets its own container's).
 *
 * @param maxBodyBytes the largest request body read whole: JSON documents, and an ingestion sent
 *     with an {@code Idempotency-Key} (which must be fingerprinted before it runs); default 4 MiB;
 *     a larger one is a 413
 * @param maxStreamedBodyBytes the largest ingestion body, parsed line by line as it arrives and
 *     never held whole; default 256 MiB; a larger one is a 413
 * @param maxStreamsPerTenant open notification streams per tenant on one node; default 10,000;
 *     one more is a 429 with {@code Retry-After}
 * @param maxStreamsPerSubject open notification streams per tenant and subject (a user's tabs) on
 *     one node; default 8; one more is a 429 with {@code Retry-After}
 * @param maxHeaderBytes the largest request line and headers; default 16 KiB (a large JWT fits);
 *     larger is a 431
 * @param headerReadTimeout how long a connection may take to send a request's headers, and stay
 *     silent between requests; default 10 s; then it is closed
 * @param idleTimeout how long a request in progress may see no bytes move either way; default 60 s
 *     (event streams send a comment every 15 s, so they stay open)
 */
public record HttpLimits(long maxBodyBytes, long maxStreamedBodyBytes, int maxStreamsPerTenant,
    int maxStreamsPerSubject, int maxHeaderBytes, Duration headerReadTimeout, Duration idleTimeout) {
  /** Validates: every limit positive, the streamed body limit at least the buffered one. */
  public HttpLimits {
    positive(maxBodyBytes, "maxBodyBytes");
    positive(maxStreamedBodyBytes, "maxStreamedBodyBytes");
    positive(maxStreamsPerTenant, "maxStreamsPerTenant");
    positive(maxStreamsPerSubject, "maxStreamsPerSubject");
    positive(maxHeaderBytes, "maxHeaderBytes");
    positive(requireNonNull(headerReadTimeout, "headerReadTimeout").toMillis(), "headerReadTimeout");
    positive(requireNonNull(idleTimeout, "idleTimeout").toMillis(), "idleTimeout");
    if (maxStreamedBodyBytes < maxBodyBytes) {
      throw new IllegalArgumentException("maxStreamedBodyBytes must be >= maxBodyBytes");
    }
  }

  /** The defaults listed above. */
  public static HttpLimits defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Builds {@link HttpLimits}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private long maxBodyBytes = 4L << 20;
    private long maxStreamedBodyBytes = 256L << 20;
    private int maxStreamsPerTenant = 10_000;
    private int maxStreamsPerSubject = 8;
    private int maxHeaderBytes = 16 << 10;
    private Duration headerReadTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** See {@link HttpLimits#maxBodyBytes()}. */
    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /** See {@link HttpLimits#maxStreamedBodyBytes()}. */
    public Builder maxStreamedBodyBytes(long bytes) {
      this.maxStreamedBodyBytes = bytes;
      return this;
    }

    /** See {@link HttpLimits#maxStreamsPerTenant()}. */
    public Builder maxStreamsPerTenant(int streams) {
      this.maxStreamsPerTenant = streams;
      return this;
    }

    /** See {@link HttpLimits#maxStreamsPerSubject()}. */
    public Builder maxStreamsPerSubject(int streams) {
      this.maxStreamsPerSubject = streams;
      return this;
    }

    /** See {@link HttpLimits#maxHeaderBytes()}. */
    public Builder maxHeaderBytes(int bytes) {
      this.maxHeaderBytes = bytes;
      return this;
    }

    /** See {@link HttpLimits#headerReadTimeout()}. */
    public Builder headerReadTimeout(Duration timeout) {
      this.headerReadTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** See {@link HttpLimits#idleTimeout()}. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException when a limit is not positive, or the streamed body limit is
     *     below the buffered one
     */
    public HttpLimits build() {
      return new HttpLimits(maxBodyBytes, maxStreamedBodyBytes, maxStreamsPerTenant, maxStreamsPerSubject,
          maxHeaderBytes, headerReadTimeout, idleTimeout);
    }
  }
}
