package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who carried out an activity (a PROV agent): a {@link Kind#PRINCIPAL} calling a public service,
 * with the roles it held at the time, or a {@link Kind#SYSTEM} component acting on its own (no
 * roles). Immutable.
 *
 * @param kind a principal or a system component
 * @param id the principal's subject, or the component's name
 * @param roles the principal's roles when it acted; empty for system components
 */
public record Agent(Kind kind, String id, Set<Role> roles) {
  /** What sort of agent; PROV-JSON exports principals as {@code prov:Person}-like agents and systems as {@code prov:SoftwareAgent}. */
  public enum Kind {
    /** An authenticated caller of a public service. */
    PRINCIPAL,
    /** A component of Convener or of the host, acting without a caller. */
    SYSTEM
  }

  /** Validates and copies. */
  public Agent {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException("agent id must be 1 to 200 characters");
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requireNonNull(roles, "roles")));
    if (kind == Kind.SYSTEM && !roles.isEmpty()) {
      throw new IllegalArgumentException("a system agent has no roles");
    }
  }

  /** The agent of a principal's call. */
  public static Agent of(Principal principal) {
    return new Agent(Kind.PRINCIPAL, principal.subject(), principal.roles());
  }

  /** A system component, such as {@code checkpoint-signer}. */
  public static Agent system(String component) {
    return new Agent(Kind.SYSTEM, component, Set.of());
  }
}
