package io.convener.api.profile;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import java.util.Optional;

/**
 * Reads and erases members' personal data. Every call passes the choke point and leaves one
 * provenance entry naming the member by id (never the data). Thread-safe.
 */
public interface ProfileService {
  /**
   * The member's personal data, when the member has granted {@code profile.share} — whoever asks,
   * the member included. Empty when the member is unknown or has not consented: the two are not
   * told apart. Roles: any role of the tenant.
   */
  Optional<Profile> find(Principal principal, MemberId member);

  /**
   * Crypto-shreds the member's personal data: their data key is destroyed, so every copy of the
   * ciphertext — in the database, its backups and replicas — becomes unreadable, while the
   * provenance log, which never held it, still verifies. Roles: ADMIN, or the member themself.
   *
   * @return whether there was personal data to erase
   */
  boolean erase(Principal principal, MemberId member);
}
