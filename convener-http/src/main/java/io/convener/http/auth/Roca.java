package io.convener.http.auth;

import java.math.BigInteger;
import java.util.BitSet;

/**
 * Detects RSA moduli made by the flawed Infineon key generator (ROCA, CVE-2017-15361; Nemec et
 * al., "The Return of Coppersmith's Attack", CCS 2017). Its primes are {@code k * M + (65537^a mod
 * M)} with {@code M} a primorial, so for every small prime {@code p} dividing {@code M} the modulus
 * modulo {@code p} lies in the subgroup that 65537 generates. A random modulus passes that test for
 * all 38 primes below with a probability of about 4e-9, so a false alarm is negligible.
 */
final class Roca {
  private static final int[] PRIMES = {
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167
  };
  private static final BitSet[] SUBGROUPS = new BitSet[PRIMES.length];

  static {
    for (int i = 0; i < PRIMES.length; i++) {
      int p = PRIMES[i];
      int g = 65537 % p;
      BitSet members = new BitSet(p);
      int x = 1;
      do {
        members.set(x);
        x = x * g % p;
      } while (x != 1);
      SUBGROUPS[i] = members;
    }
  }

  private Roca() {}

  /** Whether {@code modulus} has the ROCA fingerprint. */
  static boolean hasFingerprint(BigInteger modulus) {
    for (int i = 0; i < PRIMES.length; i++) {
      int residue = modulus.mod(BigInteger.valueOf(PRIMES[i])).intValue();
      if (!SUBGROUPS[i].get(residue)) {
        return false;
      }
    }
    return true;
  }
}
