package io.convener.core.internal.crypto;

import static io.convener.spi.keys.PersonalDataCipher.DISPLAY_NAME;
import static io.convener.spi.keys.PersonalDataCipher.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalValue;
import io.convener.spi.keys.TenantKeyset;
import io.convener.spi.storage.WrappedKey;
import io.convener.testing.keys.InMemoryKeyProvider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final MemberId ANN = MemberId.of("ann");
  private static final MemberId BOB = MemberId.of("bob");

  private final InMemoryKeyProvider keys = new InMemoryKeyProvider();
  private final MapSubjectKeyStore store = new MapSubjectKeyStore();
  private final EnvelopeCipher cipher = EnvelopeCipher.of(keys, store);

  private static PersonalValue value(MemberId member, String field, String value) {
    return PersonalValue.of(member, field, value);
  }

  @Test
  void valuesRoundTripAsAsciiCiphertextThatNeverRepeats() {
    List<PersonalValue> plain = List.of(
        value(ANN, DISPLAY_NAME, "Zoë Ångström-O'Brien \"Z\" 山田 🎉"),
        value(ANN, EMAIL, "ann@example.org"),
        value(BOB, DISPLAY_NAME, ""),
        value(BOB, "notes.private", "x".repeat(10_000)));

    List<String> sealed = cipher.encryptAll(ACME, plain);
    List<String> again = cipher.encryptAll(ACME, plain);

    assertThat(sealed).hasSize(4).allSatisfy(c -> assertThat(c).startsWith("ev2:").matches("[\\x21-\\x7e]+"));
    assertThat(sealed.get(1)).doesNotContain("ann", "example");
    for (int i = 0; i < plain.size(); i++) {
      assertThat(again.get(i)).as("a fresh nonce each time").isNotEqualTo(sealed.get(i));
    }
    List<PersonalValue> ciphertexts = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      ciphertexts.add(value(plain.get(i).subject(), plain.get(i).field(), sealed.get(i)));
    }
    assertThat(cipher.decryptAll(ACME, ciphertexts))
        .containsExactlyElementsOf(plain.stream().map(v -> Optional.of(v.value())).toList());
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, again.get(1))).contains("ann@example.org");
    assertThat(store.count(ACME)).as("one data key per member").isEqualTo(2);
    assertThat(cipher.encryptAll(ACME, List.of())).isEmpty();
    assertThat(cipher.decryptAll(ACME, List.of())).isEmpty();
  }

  @Test
  void aBatchReadsTheKeyStoreOnceAndCreatesMissingKeysInOneInsert() {
    List<PersonalValue> plain = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      plain.add(value(MemberId.of("m-" + i), DISPLAY_NAME, "Name " + i));
      plain.add(value(MemberId.of("m-" + i), EMAIL, "m" + i + "@example.org"));
    }

    List<String> sealed = cipher.encryptAll(ACME, plain);

    assertThat(store.finds.get()).isEqualTo(1);
    assertThat(store.inserts.get()).isEqualTo(1);
    List<PersonalValue> ciphertexts = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      ciphertexts.add(value(plain.get(i).subject(), plain.get(i).field(), sealed.get(i)));
    }
    assertThat(cipher.decryptAll(ACME, ciphertexts)).allSatisfy(p -> assertThat(p).isPresent());
    assertThat(store.finds.get()).isEqualTo(2);
    cipher.encryptAll(ACME, plain);
    assertThat(store.inserts.get()).as("no new keys for members who have one").isEqualTo(1);
  }

  @Test
  void aFlippedBitAnotherFieldMemberOrTenantOrGarbageFailsIntegrity() {
    String sealed = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    cipher.encrypt(GLOBEX, ANN, EMAIL, "other@example.org");
    cipher.encrypt(ACME, BOB, EMAIL, "bob@example.org");
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(4));

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      String tampered = "ev2:" + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
      if (bit < 64) {
        // The key id: a ciphertext that names a key the member does not have reads as shredded.
        assertThat(cipher.decrypt(ACME, ANN, EMAIL, tampered)).as("bit " + bit).isEmpty();
      } else {
        assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, tampered)).as("bit " + bit)
            .isInstanceOf(IntegrityException.class);
      }
    }
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, DISPLAY_NAME, sealed)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.decrypt(ACME, BOB, EMAIL, sealed)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.decrypt(GLOBEX, ANN, EMAIL, sealed)).isInstanceOf(IntegrityException.class);
    for (String garbage : List.of("ann@example.org", "ev1:", "ev2:", "ev2:!!!", "ev1:AAAA", "ev2:AAAA",
        sealed.substring(0, 40))) {
      assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, garbage)).as(garbage)
          .isInstanceOf(IntegrityException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ann@example.org").contains("ann"));
    }
  }

  @Test
  void aTamperedOrMovedWrappedKeyFailsIntegrity() {
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    String bobEmail = cipher.encrypt(ACME, BOB, EMAIL, "bob@example.org");
    WrappedKey annKey = store.find(ACME, ANN).orElseThrow();
    WrappedKey bobKey = store.find(ACME, BOB).orElseThrow();

    // Bob's wrapped key in Ann's row, with Ann's key id so that the ciphertext names it.
    store.put(ACME, new WrappedKey(ANN, annKey.keyId(), bobKey.wrappingKeyId(), bobKey.wrapped()));
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isInstanceOf(IntegrityException.class);

    char[] chars = annKey.wrapped().toCharArray();
    chars[40] = chars[40] == 'A' ? 'B' : 'A';
    store.put(ACME, new WrappedKey(ANN, annKey.keyId(), annKey.wrappingKeyId(), new String(chars)));
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isInstanceOf(IntegrityException.class);

    store.put(ACME, new WrappedKey(ANN, annKey.keyId(), annKey.wrappingKeyId() + 1, annKey.wrapped()));
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, annEmail))
        .as("the row names another wrapping key than the wrapped key").isInstanceOf(IntegrityException.class);

    store.put(ACME, annKey);
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).contains("ann@example.org");
    assertThat(cipher.decrypt(ACME, BOB, EMAIL, bobEmail)).contains("bob@example.org");
  }

  @Test
  void shreddingAMemberMakesTheirValuesAndDigestsUnreadableAndNoOneElses() {
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    String annDigest = cipher.digest(ACME, value(ANN, EMAIL, "ann@example.org"));
    String bobEmail = cipher.encrypt(ACME, BOB, EMAIL, "bob@example.org");
    String globexAnn = cipher.encrypt(GLOBEX, ANN, EMAIL, "ann@globex.example");

    assertThat(cipher.shred(ACME, ANN)).isTrue();
    assertThat(cipher.shred(ACME, ANN)).isFalse();

    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isEmpty();
    assertThat(cipher.matchesDigest(ACME, value(ANN, EMAIL, "ann@example.org"), annDigest)).isFalse();
    assertThat(cipher.decrypt(ACME, BOB, EMAIL, bobEmail)).contains("bob@example.org");
    assertThat(cipher.decrypt(GLOBEX, ANN, EMAIL, globexAnn)).contains("ann@globex.example");

    String newEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@new.example");
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, newEmail)).contains("ann@new.example");
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).as("made under the shredded key").isEmpty();
    assertThat(cipher.matchesDigest(ACME, value(ANN, EMAIL, "ann@example.org"), annDigest)).isFalse();
  }

  @Test
  void shreddingATenantMakesAllItsValuesUnreadableAndLeavesOtherTenantsAlone() {
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    String bobName = cipher.encrypt(ACME, BOB, DISPLAY_NAME, "Bob");
    String globexAnn = cipher.encrypt(GLOBEX, ANN, EMAIL, "ann@globex.example");

    cipher.shredTenant(ACME);

    assertThat(cipher.decryptAll(ACME, List.of(value(ANN, EMAIL, annEmail), value(BOB, DISPLAY_NAME, bobName))))
        .containsExactly(Optional.empty(), Optional.empty());
    assertThat(store.count(ACME)).isZero();
    assertThat(cipher.decrypt(GLOBEX, ANN, EMAIL, globexAnn)).contains("ann@globex.example");
    String fresh = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, fresh)).contains("ann@example.org");
  }

  @Test
  void destroyingTheTenantKeysetAloneShredsTooAndTheNextWriteStartsOver() {
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    long oldKeyId = store.find(ACME, ANN).orElseThrow().keyId();

    keys.destroy(ACME);

    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isEmpty();
    String fresh = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    assertThat(store.find(ACME, ANN).orElseThrow().keyId()).as("a new data key").isNotEqualTo(oldKeyId);
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, fresh)).contains("ann@example.org");
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isEmpty();
  }

  @Test
  void rotationWrapsNewKeysUnderTheNewPrimaryAndOldCiphertextsStillDecrypt() {
    int k1 = keys.keyset(ACME).primaryKeyId();
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    assertThat(store.find(ACME, ANN).orElseThrow().wrappingKeyId()).isEqualTo(k1);

    TenantKeyset rotated = keys.rotate(ACME);
    int k2 = rotated.primaryKeyId();
    String bobEmail = cipher.encrypt(ACME, BOB, EMAIL, "bob@example.org");

    assertThat(store.find(ACME, BOB).orElseThrow().wrappingKeyId()).isEqualTo(k2);
    assertThat(store.find(ACME, ANN).orElseThrow().wrappingKeyId()).as("not re-wrapped yet").isEqualTo(k1);
    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).contains("ann@example.org");

    assertThat(cipher.rewrap(ACME)).isEqualTo(1);
    assertThat(cipher.rewrap(ACME)).isZero();
    assertThat(store.find(ACME, ANN).orElseThrow().wrappingKeyId()).isEqualTo(k2);
    keys.destroyKey(ACME, k1);

    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).as("same data key, re-wrapped").contains("ann@example.org");
    assertThat(cipher.decrypt(ACME, BOB, EMAIL, bobEmail)).contains("bob@example.org");
  }

  @Test
  void destroyingAnOldKeyWithoutRewrappingFailsClosed() {
    int k1 = keys.keyset(ACME).primaryKeyId();
    String annEmail = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    keys.rotate(ACME);
    String bobEmail = cipher.encrypt(ACME, BOB, EMAIL, "bob@example.org");

    keys.destroyKey(ACME, k1);

    assertThat(cipher.decrypt(ACME, ANN, EMAIL, annEmail)).isEmpty();
    assertThat(cipher.decrypt(ACME, BOB, EMAIL, bobEmail)).contains("bob@example.org");
    assertThat(cipher.rewrap(ACME)).as("nothing left that can be re-wrapped").isZero();
  }

  @Test
  void digestsAreStablePerMemberAndFieldAndCannotBeConfirmedElsewhere() {
    PersonalValue annEmail = value(ANN, EMAIL, "ann@example.org");
    String digest = cipher.digest(ACME, annEmail);

    assertThat(digest).startsWith("hd1:").doesNotContain("ann").hasSize(4 + 54);
    assertThat(cipher.digest(ACME, annEmail)).isEqualTo(digest);
    assertThat(cipher.digest(ACME, value(ANN, DISPLAY_NAME, "ann@example.org"))).isNotEqualTo(digest);
    assertThat(cipher.digest(ACME, value(BOB, EMAIL, "ann@example.org"))).isNotEqualTo(digest);
    assertThat(cipher.digest(GLOBEX, annEmail)).isNotEqualTo(digest);
    assertThat(cipher.matchesDigest(ACME, annEmail, digest)).isTrue();
    assertThat(cipher.matchesDigest(ACME, value(ANN, EMAIL, "ann@example.com"), digest)).isFalse();
    assertThat(cipher.matchesDigest(ACME, value(ANN, DISPLAY_NAME, "ann@example.org"), digest)).isFalse();
    assertThat(cipher.matchesDigest(GLOBEX, annEmail, digest)).isFalse();
    assertThatThrownBy(() -> cipher.matchesDigest(ACME, annEmail, "sha256:abc")).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.matchesDigest(ACME, annEmail, "hd1:AAAA")).isInstanceOf(IntegrityException.class);
  }

  @Test
  void concurrentFirstWritesForOneMemberAgreeOnOneKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> sealed = new ArrayList<>();
    try {
      List<Callable<String>> writers = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String email = "ann+" + i + "@example.org";
        writers.add(() -> cipher.encrypt(ACME, ANN, EMAIL, email));
      }
      for (Future<String> f : pool.invokeAll(writers)) {
        sealed.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < sealed.size(); i++) {
      assertThat(cipher.decrypt(ACME, ANN, EMAIL, sealed.get(i))).contains("ann+" + i + "@example.org");
    }
    assertThat(store.count(ACME)).isEqualTo(1);
  }
}
