package io.convener.api;

/**
 * Stored data failed verification: a log entry was changed, removed, inserted or reordered, a
 * ciphertext was altered, a signature does not match.
 */
public final class IntegrityException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed to verify, for people */
  public IntegrityException(String message) {
    super(message, null);
  }

  /**
   * @param message what failed to verify, for people
   * @param cause the underlying failure
   */
  public IntegrityException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "integrity";
  }
}
