package io.convener.api;

/**
 * The principal may not do this: another tenant's data, a role it lacks, a purpose its tenant does
 * not enable. The message says why without revealing whether the data exists.
 */
public final class AccessDeniedException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /** @param reason why the call was refused, for people */
  public AccessDeniedException(String reason) {
    super(reason, null);
  }

  @Override
  public String code() {
    return "access_denied";
  }
}
