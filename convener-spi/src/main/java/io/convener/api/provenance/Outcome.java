package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

/**
 * How a call ended: {@link Status#OK}, {@link Status#DENIED} (tenant boundary, role or rate limit)
 * or {@link Status#FAILED} (the service threw). A denial or failure carries a stable code (the
 * {@link io.convener.api.ConvenerException#code()} of the refusal or failure, {@code internal} for
 * anything else) and a reason for people that never contains personal data. Immutable.
 *
 * @param status how the call ended
 * @param code {@code ok}, or the machine-readable code of the denial or failure
 * @param reason empty for {@code OK}; why the call was denied, or the kind of failure
 */
public record Outcome(Status status, String code, String reason) {
  /** How a call ended. */
  public enum Status {
    /** The service ran and returned. */
    OK,
    /** The choke point refused the call before the service ran. */
    DENIED,
    /** The service ran and threw. */
    FAILED
  }

  private static final Outcome OK_OUTCOME = new Outcome(Status.OK, "ok", "");

  /** Validates: an OK outcome has code {@code ok} and no reason; the others a code and a reason. */
  public Outcome {
    requireNonNull(status, "status");
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
    if (code.isBlank() || code.length() > 64) {
      throw new IllegalArgumentException("code must be 1 to 64 characters");
    }
    if (reason.length() > 1000) {
      throw new IllegalArgumentException("reason must be at most 1000 characters");
    }
    if ((status == Status.OK) != code.equals("ok") || (status == Status.OK) != reason.isEmpty()) {
      throw new IllegalArgumentException("an OK outcome has code 'ok' and no reason, and only an OK outcome does");
    }
  }

  /** The call succeeded. */
  public static Outcome ok() {
    return OK_OUTCOME;
  }

  /** The call was refused, for example {@code denied("access_denied", "role ADMIN required")}. */
  public static Outcome denied(String code, String reason) {
    return new Outcome(Status.DENIED, code, reason);
  }

  /** The service failed, for example {@code failed("storage", "StorageException")}. */
  public static Outcome failed(String code, String reason) {
    return new Outcome(Status.FAILED, code, reason);
  }

  /** Whether the call succeeded. */
  public boolean isOk() {
    return status == Status.OK;
  }
}
