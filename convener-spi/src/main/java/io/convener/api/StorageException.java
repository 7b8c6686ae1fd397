package io.convener.api;

/**
 * The store failed: the database is unreachable, a statement failed, a migration could not run.
 * Work committed before the failure stays committed; the message says how far the operation got
 * when that matters to the caller.
 */
public final class StorageException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, for people; never contains personal data
   * @param cause the underlying driver or library exception
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "storage";
  }
}
