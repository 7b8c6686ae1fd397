package io.convener.core.ingest;

import io.convener.api.ingest.Rejection;
import io.convener.api.model.Event;
import io.convener.api.model.Member;

/** What one input line turned out to be. */
sealed interface ParsedLine {
  /** A valid member line. */
  record MemberLine(Member member) implements ParsedLine {}

  /** A valid event line. */
  record EventLine(Event event) implements ParsedLine {}

  /** A line that cannot be taken. */
  record Rejected(Rejection rejection) implements ParsedLine {}
}
