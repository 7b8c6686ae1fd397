package io.convener.core.pulse;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Everything the pulse keeps about one member: their days, and their psychological safety survey
 * responses (instant and recoded answers). Not thread-safe: its {@link TenantRollup} guards it.
 */
final class Track {
  final TreeMap<Integer, Day> days = new TreeMap<>();
  final List<Survey> surveys = new ArrayList<>(2);

  /** One survey response. */
  record Survey(long atMillis, byte[] items) {}

  Day day(int epochDay) {
    return days.computeIfAbsent(epochDay, d -> new Day());
  }

  /** The days from {@code first} to {@code last}, both included. */
  NavigableMap<Integer, Day> between(int first, int last) {
    return days.subMap(first, true, last, true);
  }
}
