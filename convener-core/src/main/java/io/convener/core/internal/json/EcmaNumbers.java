package io.convener.core.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * ECMAScript's {@code Number.prototype.toString} for finite doubles (ECMA-262 §6.1.6.1.20,
 * Number::toString), as RFC 8785 §3.2.2.3 requires: the fewest significant digits that read back
 * as the same double, the one closest to its exact value when there is a choice (the even one on a
 * tie), then plain notation for decimal exponents from -6 to 21 and {@code d.ddde±x} beyond.
 *
 * <p>The digits are found with exact {@link BigDecimal} arithmetic, not trusted to {@link
 * Double#toString(double)}: before Java 19 (JDK-4511638) that may give more digits than needed, so
 * it serves only as an upper bound. Stateless and thread-safe.
 */
final class EcmaNumbers {
  /** 2^53: below it every integer is a double, and a long prints as itself. */
  private static final long EXACT_LIMIT = 1L << 53;

  private EcmaNumbers() {}

  /** The ECMAScript form of {@code value}, which must fit a double exactly to print as itself. */
  static String format(long value) {
    if (value >= -EXACT_LIMIT && value <= EXACT_LIMIT) {
      return Long.toString(value);
    }
    return format((double) value); // I-JSON: numbers are doubles; round to nearest, ties to even
  }

  /**
   * The ECMAScript form of {@code value}; {@code -0} gives {@code 0}.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value + " (RFC 8785 §3.2.2.3)");
    }
    if (value == 0) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < EXACT_LIMIT) {
      return Long.toString((long) value);
    }
    BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits × 10^n
    StringBuilder out = new StringBuilder(k + 8);
    if (value < 0) {
      out.append('-');
    }
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  /** The decimal with the fewest significant digits that reads back as {@code value} (positive). */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    int precision = Math.min(17, significantDigits(Double.toString(value)));
    BigDecimal best = closestReadingBack(exact, value, precision);
    if (best == null) { // Double.toString did read back; this is only a guard
      precision = 17;
      best = closestReadingBack(exact, value, precision);
    }
    // If some p-digit decimal reads back, so does some (p+1)-digit one: walk down until none does.
    while (precision > 1) {
      BigDecimal shorter = closestReadingBack(exact, value, precision - 1);
      if (shorter == null) {
        break;
      }
      best = shorter;
      precision--;
    }
    if (best == null) {
      throw new AssertionError("17 significant digits always read back: " + value);
    }
    return best;
  }

  /**
   * Of the decimals with {@code precision} significant digits that read back as {@code value}, the
   * one closest to {@code exact}, the even one on a tie; null if there is none. The decimals that
   * read back form an interval around the value, so if any does, the nearest below or the nearest
   * above does.
   */
  private static @Nullable BigDecimal closestReadingBack(BigDecimal exact, double value, int precision) {
    BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
    boolean belowOk = readsBack(below, value);
    boolean aboveOk = readsBack(above, value);
    if (belowOk && aboveOk) {
      int cmp = exact.subtract(below).compareTo(above.subtract(exact));
      if (cmp != 0) {
        return cmp < 0 ? below : above;
      }
      return lastDigitEven(below) ? below : above;
    }
    return belowOk ? below : aboveOk ? above : null;
  }

  private static boolean readsBack(BigDecimal decimal, double value) {
    return Double.parseDouble(decimal.toString()) == value;
  }

  private static boolean lastDigitEven(BigDecimal decimal) {
    return !decimal.unscaledValue().testBit(0);
  }

  /** Significant digits in the mantissa of a {@link Double#toString(double)} result. */
  private static int significantDigits(String javaForm) {
    int end = javaForm.indexOf('E');
    String mantissa = (end < 0 ? javaForm : javaForm.substring(0, end)).replace(".", "");
    int from = 0;
    while (from < mantissa.length() - 1 && mantissa.charAt(from) == '0') {
      from++;
    }
    int to = mantissa.length();
    while (to > from + 1 && mantissa.charAt(to - 1) == '0') {
      to--;
    }
    return to - from;
  }
}
