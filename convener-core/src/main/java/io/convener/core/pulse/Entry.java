package io.convener.core.pulse;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * What the pulse keeps of one event, and no more: its id, actor and instant, what kind of
 * activity it is, its sentiment (the event's own or the analyzer's, as a float like every score
 * the rollup holds), the members it ties to, the message it answers and a survey's recoded answers.
 * A {@link TenantRollup} applies entries, whether made from a stored event or read back from a
 * persisted {@link DayDigests digest}, so both give the same figures. Immutable.
 *
 * @param flags which of {@link #SURVEY}, {@link #CONSENT}, {@link #COLLABORATION}, {@link
 *     #MESSAGE} and {@link #REPLY} the event is
 * @param score the sentiment, or NaN for none
 * @param targets the tied members, for a collaboration event (else empty)
 * @param answers the message a reply answers (its first reference), else null
 * @param survey a psychological safety survey's recoded answers, else null
 */
record Entry(EventId id, MemberId actor, long at, int flags, float score, List<MemberId> targets,
    @Nullable EventId answers, byte @Nullable [] survey) {
  static final int SURVEY = 1;
  static final int CONSENT = 2;
  static final int COLLABORATION = 4;
  static final int MESSAGE = 8;
  static final int REPLY = 16;

  /** The entry of a stored event with the sentiment it counts with. */
  static Entry of(Event e, OptionalDouble sentiment) {
    int flags = 0;
    if (e.kind() == EventKind.SURVEY) {
      return new Entry(e.id(), e.actor(), e.at().toEpochMilli(), SURVEY, Float.NaN, List.of(), null,
          PsychSafety.recoded(e).orElse(null));
    }
    if (e.kind() == EventKind.CONSENT) {
      return new Entry(e.id(), e.actor(), e.at().toEpochMilli(), CONSENT, Float.NaN, List.of(), null, null);
    }
    flags |= e.kind().isCollaboration() ? COLLABORATION : 0;
    flags |= e.kind() == EventKind.MESSAGE ? MESSAGE : 0;
    boolean reply = e.kind() == EventKind.REPLY && !e.refs().isEmpty();
    flags |= reply ? REPLY : 0;
    return new Entry(e.id(), e.actor(), e.at().toEpochMilli(), flags,
        sentiment.isPresent() ? (float) sentiment.getAsDouble() : Float.NaN,
        e.kind().isCollaboration() ? List.copyOf(e.targets()) : List.of(), reply ? e.refs().get(0) : null, null);
  }

  boolean is(int flag) {
    return (flags & flag) != 0;
  }

  /** The UTC day of the entry, as days since 1970-01-01. */
  int day() {
    return (int) Math.floorDiv(at, TenantRollup.DAY_MILLIS);
  }
}
