package io.convener.core.profile;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.profile.Profile;
import io.convener.api.profile.ProfileService;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.consent.Permissions;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads go through the consent filter for {@code profile.share}, whoever asks; a member who has not
 * consented is still shown to the one requester whose approval of {@code profile.share} about them
 * is in force ({@link Permissions}), until it expires. Erasure deletes the member's data key and personal row. Each call is one gated
 * invocation, so each leaves exactly one provenance entry. Thread-safe.
 */
final class DefaultProfileService implements ProfileService {
  static final String READ = "profile.read";
  static final String ERASE = "profile.erase";

  private static final Role[] ANY_ROLE = Role.values();

  private final Gate gate;
  private final ConsentEngine consent;
  private final Permissions permissions;
  private final MemberStore members;

  @Inject
  DefaultProfileService(Gate gate, ConsentEngine consent, Permissions permissions, MemberStore members) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.permissions = requireNonNull(permissions, "permissions");
    this.members = requireNonNull(members, "members");
  }

  @Override
  public Optional<Profile> find(Principal principal, MemberId member) {
    requireNonNull(member, "member");
    return gate.invoke(principal, Invocation.of(READ, tenant -> read(principal, tenant, member))
        .roles(ANY_ROLE)
        .inputs(() -> Map.of("member", member.value()))
        .used(() -> List.of("member:" + member.value()))
        .build());
  }

  private Optional<Profile> read(Principal principal, TenantId tenant, MemberId member) {
    Optional<Member> stored = members.find(tenant, member);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Optional<Disclosed<MemberId>> disclosed =
        first(consent.disclose(tenant, Purpose.PROFILE_SHARE, List.of(member)));
    if (disclosed.isEmpty()) {
      // No consent to share with everybody: an approval may still let this principal alone see it.
      disclosed = permissions.permission(principal, member, Purpose.PROFILE_SHARE);
    }
    return disclosed.map(d -> new Profile(d, stored.get().displayName(), stored.get().email()));
  }

  private static Optional<Disclosed<MemberId>> first(Disclosure<MemberId> disclosure) {
    return disclosure.disclosed().stream().findFirst();
  }

  @Override
  public boolean erase(Principal principal, MemberId member) {
    requireNonNull(member, "member");
    return gate.invoke(principal, Invocation.of(ERASE, tenant -> {
          if (!principal.has(Role.ADMIN) && !principal.subject().equals(member.value())) {
            throw new AccessDeniedException("only an admin or the member themself may erase personal data");
          }
          return members.erasePersonalData(tenant, member);
        })
        .roles(Role.ADMIN, Role.MEMBER)
        .inputs(() -> Map.of("member", member.value()))
        .used(() -> List.of("member:" + member.value()))
        .build());
  }
}
