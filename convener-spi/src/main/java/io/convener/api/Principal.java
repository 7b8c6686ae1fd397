package io.convener.api;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: an authenticated subject of one tenant, with roles and scopes. Every public
 * service call takes a Principal, and can only ever touch the data of {@link #tenant()}.
 * Immutable and thread-safe.
 *
 * @param tenant the tenant the caller belongs to; the only tenant it can read or change
 * @param subject the caller's stable id (a member id for people, a client id for systems)
 * @param roles what the caller may do
 * @param scopes finer-grained grants from the token, such as {@code champions:read}
 */
public record Principal(TenantId tenant, String subject, Set<Role> roles, Set<String> scopes) {
  /** Validates and copies. */
  public Principal {
    requireNonNull(tenant, "tenant");
    Ids.check(subject, "subject");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requireNonNull(roles, "roles")));
    scopes = Set.copyOf(requireNonNull(scopes, "scopes"));
  }

  /** A principal with these roles and no scopes. */
  public static Principal of(TenantId tenant, String subject, Role... roles) {
    return new Principal(tenant, subject, Set.of(roles), Set.of());
  }

  /** Whether the principal holds the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
