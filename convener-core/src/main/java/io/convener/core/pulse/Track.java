package io.convener.core.pulse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the pulse keeps about one member: their days, and their psychological safety survey
 * responses (instant and recoded answers). The days sit in two parallel arrays sorted by epoch
 * day, so that a load applying a million events finds each day by a binary search over a few
 * cache lines, and the day most recently added in one comparison (a load goes day by day); a
 * tree map of boxed keys took most of a fresh node's first pulse. Not thread-safe: its {@link
 * TenantRollup} guards it.
 */
final class Track {
  private int[] epochDays = new int[4];
  private Day[] days = new Day[4];
  private int size;
  final List<Survey> surveys = new ArrayList<>(2);

  /** One survey response. */
  record Survey(long atMillis, byte[] items) {}

  /** The member's day, added empty if it has none yet. */
  Day day(int epochDay) {
    if (size > 0 && epochDays[size - 1] == epochDay) {
      return days[size - 1];
    }
    int i = size == 0 || epochDays[size - 1] < epochDay ? -size - 1 : Arrays.binarySearch(epochDays, 0, size, epochDay);
    if (i >= 0) {
      return days[i];
    }
    int at = -i - 1;
    if (size == epochDays.length) {
      epochDays = Arrays.copyOf(epochDays, size * 2);
      days = Arrays.copyOf(days, size * 2);
    }
    System.arraycopy(epochDays, at, epochDays, at + 1, size - at);
    System.arraycopy(days, at, days, at + 1, size - at);
    epochDays[at] = epochDay;
    Day d = new Day();
    days[at] = d;
    size++;
    return d;
  }

  /** The member's day, or null if they have none. */
  @Nullable Day get(int epochDay) {
    int i = Arrays.binarySearch(epochDays, 0, size, epochDay);
    return i >= 0 ? days[i] : null;
  }

  /** The index of the first day at or after {@code epochDay}; {@link #size()} if none. */
  int from(int epochDay) {
    int i = Arrays.binarySearch(epochDays, 0, size, epochDay);
    return i >= 0 ? i : -i - 1;
  }

  /** The index after the last day at or before {@code epochDay}. */
  int to(int epochDay) {
    int i = Arrays.binarySearch(epochDays, 0, size, epochDay);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** How many days the member has. */
  int size() {
    return size;
  }

  /** The epoch day of the day at {@code index}. */
  int epochDay(int index) {
    return epochDays[index];
  }

  /** The day at {@code index}, in order of epoch day. */
  Day dayAt(int index) {
    return days[index];
  }
}
