package io.convener.api;

/**
 * Root of every exception Convener throws on purpose. Each subtype carries a stable {@link #code()}
 * that hosts and the command line can map to their own error handling; messages are for people and
 * may change.
 *
 * <p>Partial success is never an exception: an ingestion that rejects some lines returns a report.
 */
public abstract sealed class ConvenerException extends RuntimeException
    permits InvalidInputException,
        StorageException,
        AuthenticationException,
        AccessDeniedException,
        RateLimitedException,
        IntegrityException,
        PluginException,
        ConsentChangedException {
  private static final long serialVersionUID = 1L;

  ConvenerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A stable, machine-readable error code such as {@code invalid_input}. */
  public abstract String code();
}
