package io.convener.api;

/**
 * Input that names something the principal's tenant does not have, such as an approval request
 * for a subject who is no member. It is invalid input (a host that handles {@link
 * InvalidInputException} handles this too) with a code of its own, so the HTTP API can answer 404.
 */
public final class NotFoundException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field the field that names the missing thing, as the interchange format names it
   * @param reason what is missing, for people
   */
  public NotFoundException(String field, String reason) {
    super(field, reason);
  }

  @Override
  public String code() {
    return "not_found";
  }
}
