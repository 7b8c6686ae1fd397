package io.convener.api;

/**
 * A tenant's consent changed while a result was being computed, and again while it was computed a
 * second time, so the result was discarded rather than returned on a consent state that may no
 * longer hold. Nothing was shown; calling again is safe and usually succeeds.
 */
public final class ConsentChangedException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /** @param message what was discarded, for people; never names a person */
  public ConsentChangedException(String message) {
    super(message, null);
  }

  /** Always true: the same call may succeed when tried again. */
  public boolean retryable() {
    return true;
  }

  @Override
  public String code() {
    return "consent_changed";
  }
}
