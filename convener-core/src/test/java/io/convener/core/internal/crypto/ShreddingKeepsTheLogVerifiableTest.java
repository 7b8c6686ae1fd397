package io.convener.core.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import io.convener.testing.keys.InMemoryKeyProvider;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the provenance log relies on: an entry that commits to a member's digest and ciphertext
 * instead of the plaintext stays byte-for-byte the same when the member or the tenant is
 * crypto-shredded, so a hash chain (or Merkle tree) over the entries still verifies, while the
 * values can no longer be read or confirmed. The chain here stands in for the log.
 */
class ShreddingKeepsTheLogVerifiableTest {
  private static final TenantId ACME = TenantId.of("acme");

  private final EnvelopeCipher cipher = EnvelopeCipher.of(new InMemoryKeyProvider(), new MapSubjectKeyStore());

  @Test
  void shreddingChangesNoEntryButLeavesTheValuesUnreadableAndUnconfirmable() throws Exception {
    List<String> entries = new ArrayList<>();
    List<PersonalValue> emails = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      MemberId member = MemberId.of("m-" + i);
      PersonalValue email = PersonalValue.of(member, PersonalDataCipher.EMAIL, "m" + i + "@example.org");
      emails.add(email);
      entries.add("{\"activity\":\"member.updated\",\"member\":\"" + member + "\",\"email.digest\":\""
          + cipher.digest(ACME, email) + "\",\"email\":\"" + cipher.encrypt(ACME, member, "email", email.value()) + "\"}");
    }
    String head = chain(entries);
    assertThat(String.join("\n", entries)).doesNotContain("@example.org");

    assertThat(cipher.shred(ACME, MemberId.of("m-2"))).isTrue();

    assertThat(chain(entries)).as("the log verifies after the member's shred").isEqualTo(head);
    for (int i = 0; i < emails.size(); i++) {
      PersonalValue email = emails.get(i);
      String digest = field(entries.get(i), "email.digest");
      String ciphertext = field(entries.get(i), "email");
      boolean shredded = i == 2;
      assertThat(cipher.matchesDigest(ACME, email, digest)).as("m-" + i).isEqualTo(!shredded);
      assertThat(cipher.decrypt(ACME, email.subject(), "email", ciphertext).isPresent()).as("m-" + i)
          .isEqualTo(!shredded);
    }

    cipher.shredTenant(ACME);

    assertThat(chain(entries)).as("the log verifies after the tenant's shred").isEqualTo(head);
    for (int i = 0; i < emails.size(); i++) {
      assertThat(cipher.matchesDigest(ACME, emails.get(i), field(entries.get(i), "email.digest"))).isFalse();
      assertThat(cipher.decrypt(ACME, emails.get(i).subject(), "email", field(entries.get(i), "email"))).isEmpty();
    }
  }

  /** The head of a SHA-256 hash chain over the entries. */
  private static String chain(List<String> entries) throws Exception {
    byte[] head = new byte[32];
    for (String entry : entries) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(head);
      sha.update(entry.getBytes(UTF_8));
      head = sha.digest();
    }
    return HexFormat.of().formatHex(head);
  }

  private static String field(String entry, String name) {
    int start = entry.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return entry.substring(start, entry.indexOf('"', start));
  }
}
