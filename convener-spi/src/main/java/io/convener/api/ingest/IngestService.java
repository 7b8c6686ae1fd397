package io.convener.api.ingest;

import io.convener.api.Principal;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Takes members and events into a tenant. Input is streamed: memory use does not grow with the
 * size of the input. Each bad line is rejected with its line number, field and reason while the
 * good lines are taken; events are idempotent by id, members are upserted (the last line wins).
 *
 * <p>Work is committed in batches as it goes: if the store fails part-way, what was committed
 * stays, the call throws {@link io.convener.api.StorageException}, and running the same input
 * again takes exactly the rest.
 *
 * <p>Every call takes the calling {@link Principal} first, needs the role {@code ADMIN}, writes into
 * the principal's tenant only, and leaves one provenance entry (activity {@code ingest}), whether
 * it succeeded, was denied or failed. Denials throw {@link io.convener.api.AccessDeniedException}
 * or {@link io.convener.api.RateLimitedException}. Implementations are thread-safe.
 */
public interface IngestService {
  /**
   * Ingests a stream in the given format. The stream is read to its end but not closed.
   *
   * @throws io.convener.api.StorageException when the store fails
   */
  IngestReport stream(Principal principal, InputStream input, InputFormat format);

  /**
   * Ingests a file, choosing the format from its name ({@link InputFormat#forFileName}).
   *
   * @throws io.convener.api.InvalidInputException when the format cannot be told from the name
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  IngestReport file(Principal principal, Path file);

  /**
   * Takes records a host already holds. Members are stored before events.
   *
   * @throws io.convener.api.StorageException when the store fails
   */
  IngestReport submit(Principal principal, Collection<Member> members, Collection<Event> events);
}
