package io.convener.testing.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in {@link PersonalDataCipher} for testing stores without {@code convener-core}. <b>Not
 * encryption</b>: a "ciphertext" is the value in Base64, prefixed with {@value #PREFIX}, so it never
 * contains the plaintext verbatim but anyone can decode it. It keeps the contract's observable
 * behaviour: a ciphertext is bound to its tenant, member and field (moved elsewhere it throws {@link
 * IntegrityException}), and after {@link #shred} or {@link #shredTenant} what was made before
 * decrypts to empty and its digests no longer match; {@link #shred} says whether the member had
 * anything encrypted or digested since the last shred. It also counts calls, so tests can check that
 * a store goes through the cipher. Thread-safe: every method is synchronized.
 */
public final class FakePersonalDataCipher implements PersonalDataCipher {
  /** What every fake ciphertext starts with. */
  public static final String PREFIX = "fake-sealed:";

  private static final String DIGEST_PREFIX = "fake-digest:";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Map<TenantId, Integer> tenantGenerations = new HashMap<>();
  private final Map<TenantId, Map<MemberId, Integer>> subjectGenerations = new HashMap<>();
  private final Map<TenantId, Set<MemberId>> keyed = new HashMap<>();
  private int encryptCalls;
  private int decryptCalls;
  private int shredCalls;

  /** A cipher that has shredded nothing. */
  public FakePersonalDataCipher() {}

  @Override
  public synchronized List<String> encryptAll(TenantId tenant, List<PersonalValue> plaintexts) {
    requireNonNull(tenant, "tenant");
    encryptCalls++;
    List<String> sealed = new ArrayList<>(plaintexts.size());
    for (PersonalValue v : plaintexts) {
      keyed.computeIfAbsent(tenant, t -> new HashSet<>()).add(v.subject());
      sealed.add(PREFIX + generation(tenant, v.subject()) + ":" + encode(binding(tenant, v) + v.value()));
    }
    return sealed;
  }

  @Override
  public synchronized List<Optional<String>> decryptAll(TenantId tenant, List<PersonalValue> ciphertexts) {
    requireNonNull(tenant, "tenant");
    decryptCalls++;
    List<Optional<String>> opened = new ArrayList<>(ciphertexts.size());
    for (PersonalValue v : ciphertexts) {
      String[] parts = v.value().split(":", 3);
      if (parts.length != 3 || !(parts[0] + ":").equals(PREFIX)) {
        throw new IntegrityException("not a fake ciphertext: " + v);
      }
      String text = decode(parts[2], v);
      String binding = binding(tenant, v);
      if (!text.startsWith(binding)) {
        throw new IntegrityException("the fake ciphertext belongs to another tenant, member or field: " + v);
      }
      opened.add(parts[1].equals(generation(tenant, v.subject()))
          ? Optional.of(text.substring(binding.length()))
          : Optional.empty());
    }
    return opened;
  }

  @Override
  public synchronized String digest(TenantId tenant, PersonalValue plaintext) {
    keyed.computeIfAbsent(tenant, t -> new HashSet<>()).add(plaintext.subject());
    return DIGEST_PREFIX + generation(tenant, plaintext.subject()) + ":" + sha256(binding(tenant, plaintext) + plaintext.value());
  }

  @Override
  public synchronized boolean matchesDigest(TenantId tenant, PersonalValue plaintext, String digest) {
    if (!digest.startsWith(DIGEST_PREFIX)) {
      throw new IntegrityException("not a fake digest");
    }
    return digest.equals(
        DIGEST_PREFIX + generation(tenant, plaintext.subject()) + ":" + sha256(binding(tenant, plaintext) + plaintext.value()));
  }

  @Override
  public synchronized boolean shred(TenantId tenant, MemberId subject) {
    shredCalls++;
    Map<MemberId, Integer> subjects = subjectGenerations.computeIfAbsent(tenant, t -> new HashMap<>());
    subjects.merge(subject, 1, Integer::sum);
    Set<MemberId> live = keyed.get(tenant);
    return live != null && live.remove(subject);
  }

  @Override
  public synchronized void shredTenant(TenantId tenant) {
    shredCalls++;
    tenantGenerations.merge(tenant, 1, Integer::sum);
    keyed.remove(tenant);
  }

  @Override
  public int rewrap(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return 0;
  }

  /** How many times {@link #encryptAll} was called. */
  public synchronized int encryptCalls() {
    return encryptCalls;
  }

  /** How many times {@link #decryptAll} was called. */
  public synchronized int decryptCalls() {
    return decryptCalls;
  }

  /** How many times {@link #shred} or {@link #shredTenant} was called. */
  public synchronized int shredCalls() {
    return shredCalls;
  }

  private String generation(TenantId tenant, MemberId subject) {
    return tenantGenerations.getOrDefault(tenant, 0) + "."
        + subjectGenerations.getOrDefault(tenant, Map.of()).getOrDefault(subject, 0);
  }

  private static String binding(TenantId tenant, PersonalValue v) {
    return tenant.value() + "\u0000" + v.subject().value() + "\u0000" + v.field() + "\u0000";
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(UTF_8));
  }

  private static String decode(String text, PersonalValue v) {
    try {
      return new String(Base64.getUrlDecoder().decode(text), UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IntegrityException("not a fake ciphertext: " + v, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
