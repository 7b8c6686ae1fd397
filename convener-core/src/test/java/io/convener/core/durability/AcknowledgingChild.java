package io.convener.core.durability;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link AcknowledgedIsDurableTest}: on the database {@code args[0]} (keys in
 * {@code args[1]}) it ingests a batch of events and grants a consent, over and over, and prints a
 * line as soon as each call has returned: {@code INGESTED i} and {@code GRANTED i}. Its parent kills
 * it with SIGKILL right after one of those lines.
 */
public final class AcknowledgingChild {
  static final TenantId ACME = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(ACME, "ops", Role.ADMIN);
  static final int BATCH = 50;

  private AcknowledgingChild() {}

  /** Runs until killed. */
  public static void main(String[] args) {
    Convener convener = Conveners.builder().database(args[0]).keyDirectory(Path.of(args[1])).build();
    for (int i = 0; ; i++) {
      MemberId member = MemberId.of("m" + i);
      List<Event> events = new ArrayList<>();
      for (int j = 0; j < BATCH; j++) {
        events.add(Event.builder(EventId.of(eventId(i, j)), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L + j),
            EventKind.MESSAGE, member).build());
      }
      convener.ingest().submit(ADMIN, List.of(Member.of(member)), events);
      System.out.println("INGESTED " + i);
      System.out.flush();
      convener.consent().grant(ADMIN, member, Purpose.CHAMPION_RECOMMENDATION, "v1");
      System.out.println("GRANTED " + i);
      System.out.flush();
    }
  }

  static String eventId(int batch, int j) {
    return "e" + batch + "-" + j;
  }
}
