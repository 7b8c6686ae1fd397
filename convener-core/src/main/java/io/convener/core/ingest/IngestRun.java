package io.convener.core.ingest;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.provenance.Agent;
import io.convener.core.internal.provenance.BatchCounts;
import java.util.UUID;

/**
 * One ingestion call as its provenance entries name it: who runs it, and a random id that every
 * batch entry and the call's own entry carry as the used entity {@code ingest-run:<id>}, so that a
 * query by that entity finds them all. Immutable.
 *
 * @param agent the principal the call runs as
 * @param id the run's id
 */
record IngestRun(Agent agent, String id) {
  /** Validates. */
  IngestRun {
    requireNonNull(agent, "agent");
    requireNonNull(id, "id");
  }

  /** A new run of the principal, with a random id. */
  static IngestRun of(Principal principal) {
    return new IngestRun(Agent.of(principal), UUID.randomUUID().toString());
  }

  /** The entity that names the run. */
  String entity() {
    return BatchCounts.RUN_PREFIX + id;
  }
}
