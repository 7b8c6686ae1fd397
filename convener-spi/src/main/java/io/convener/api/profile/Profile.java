package io.convener.api.profile;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.util.List;
import java.util.Optional;

/**
 * A member's personal data, as disclosed to one caller. The member is named through a {@link
 * Disclosed} value, which only the consent filter mints from the member's grant of {@code
 * profile.share}, so a service cannot build a profile without consent.
 *
 * @param member the member, and the consent record the disclosure relied on
 * @param displayName the member's display name, if given and not erased
 * @param email the member's email address, if given and not erased
 */
public record Profile(Disclosed<MemberId> member, Optional<String> displayName, Optional<String> email)
    implements NamesPeople {
  /** Validates. */
  public Profile {
    requireNonNull(member, "member");
    requireNonNull(displayName, "displayName");
    requireNonNull(email, "email");
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    return List.of(member);
  }

  @Override
  public String toString() {
    return "Profile[member=" + member.value() + ", personal data hidden]";
  }
}
