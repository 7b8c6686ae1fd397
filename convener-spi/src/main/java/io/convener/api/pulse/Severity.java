package io.convener.api.pulse;

/** How urgent a risk flag is. */
public enum Severity {
  /** Worth watching. */
  LOW,
  /** Past the tenant's threshold. */
  MEDIUM,
  /** Far past the tenant's threshold. */
  HIGH
}
