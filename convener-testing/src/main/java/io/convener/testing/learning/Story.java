package io.convener.testing.learning;

import io.convener.api.model.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A planned event before ids are given out (ids follow time order, so they tell nothing about the
 * event's role in a story). Mutable; not API.
 */
final class Story {
  long at;
  final EventKind kind;
  final int actor;
  @Nullable String team;
  final List<Story> refs = new ArrayList<>();
  List<String> tags = List.of();
  final List<Integer> targets = new ArrayList<>();
  final Map<String, Object> attrs = new LinkedHashMap<>();
  /** For an outcome: the member who truly originated it. */
  int originator = -1;
  @Nullable String id;

  Story(long at, EventKind kind, int actor) {
    this.at = at;
    this.kind = kind;
    this.actor = actor;
  }
}
