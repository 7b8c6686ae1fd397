package io.convener.core.internal.provenance;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one committed batch wrote, as its provenance entry states it: the generated entity
 * {@code ingest-batch:<index>:members=<m>,upserted=<u>,events=<e>,duplicates=<d>,consent-events=<c>}.
 * {@code members} and {@code events} count the rows the batch's transaction added (members new to
 * the tenant, events whose ids it did not have); {@code upserted} the members it wrote, new or
 * not; {@code duplicates} the events it skipped; {@code consentEvents} the consent events it handed
 * to the consent engine. The coverage check of verification adds up {@code members} and {@code
 * events} over the log. Immutable.
 *
 * @param index the batch's position in its run, from 0
 * @param members members added
 * @param upserted members written
 * @param events events added
 * @param duplicates events skipped as already stored
 * @param consentEvents consent events recorded or re-checked
 */
public record BatchCounts(long index, long members, long upserted, long events, long duplicates, long consentEvents) {
  /** The prefix of the entity. */
  public static final String PREFIX = "ingest-batch:";
  /** The activity of a batch's entry. */
  public static final String ACTIVITY = "ingest.batch";
  /** The prefix of the entity that names an ingestion run in every one of its entries. */
  public static final String RUN_PREFIX = "ingest-run:";
  /** The prefix of the summary entity of an {@code ingest} call. */
  public static final String SUMMARY_PREFIX = "ingest-summary:";

  private static final Pattern ENTITY = Pattern.compile(
      "ingest-batch:(\\d{1,18}):members=(\\d{1,18}),upserted=(\\d{1,18}),events=(\\d{1,18}),"
          + "duplicates=(\\d{1,18}),consent-events=(\\d{1,18})");
  private static final Pattern SUMMARY = Pattern.compile(
      "ingest-summary:members=(\\d{1,18}),events=(\\d{1,18}),duplicates=\\d{1,18},rejected=\\d{1,18}");

  /** Validates. */
  public BatchCounts {
    if (index < 0 || members < 0 || upserted < members || events < 0 || duplicates < 0 || consentEvents < 0) {
      throw new IllegalArgumentException("counts must be >= 0, and upserted >= members");
    }
  }

  /** The entity that states the counts. */
  public String entity() {
    return PREFIX + index + ":members=" + members + ",upserted=" + upserted + ",events=" + events
        + ",duplicates=" + duplicates + ",consent-events=" + consentEvents;
  }

  /** The counts an entity of this form states; empty for any other entity. */
  public static Optional<BatchCounts> parse(String entity) {
    if (!entity.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher m = ENTITY.matcher(entity);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new BatchCounts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))));
  }

  /**
   * The members and events an {@code ingest} entry of a log written before batches had entries of
   * their own states in its summary, as {@code {members, events}}; empty when the entry names an
   * ingestion run (its batches have entries that count) or has no summary.
   */
  public static Optional<long[]> parseUnbatchedSummary(List<String> used, List<String> generated) {
    if (used.stream().anyMatch(u -> u.startsWith(RUN_PREFIX))) {
      return Optional.empty();
    }
    for (String entity : generated) {
      Matcher m = SUMMARY.matcher(entity);
      if (m.matches()) {
        return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
      }
    }
    return Optional.empty();
  }
}
