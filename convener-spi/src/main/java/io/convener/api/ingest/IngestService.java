package io.convener.api.ingest;

import io.convener.api.TenantId;
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
 * again takes exactly the rest. Implementations are thread-safe.
 */
public interface IngestService {
  /**
   * Ingests a stream in the given format. The stream is read to its end but not closed.
   *
   * @throws io.convener.api.StorageException when the store fails
   */
  IngestReport ingest(TenantId tenant, InputStream input, InputFormat format);

  /**
   * Ingests a file, choosing the format from its name ({@link InputFormat#forFileName}).
   *
   * @throws io.convener.api.InvalidInputException when the format cannot be told from the name
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  IngestReport ingest(TenantId tenant, Path file);

  /**
   * Takes records a host already holds. Members are stored before events.
   *
   * @throws io.convener.api.StorageException when the store fails
   */
  IngestReport submit(TenantId tenant, Collection<Member> members, Collection<Event> events);
}
