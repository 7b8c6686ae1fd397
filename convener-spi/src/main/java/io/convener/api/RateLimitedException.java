package io.convener.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The tenant has used its quota for this API, or the caller its share of the tenant's quota; try
 * again after {@link #retryAfter()}.
 */
public final class RateLimitedException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param api the API whose quota ran out
   * @param retryAfter how long until a call can succeed
   */
  public RateLimitedException(String api, Duration retryAfter) {
    super("rate limit of " + api + " reached; retry after " + retryAfter.toMillis() + " ms", null);
    this.retryAfter = requireNonNull(retryAfter, "retryAfter");
  }

  /** How long until a call can succeed. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String code() {
    return "rate_limited";
  }
}
