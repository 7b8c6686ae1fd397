/**
 * The exchange formats of the interaction network, shared by {@code convener graph} and {@code GET
 * /v1/graph} so that both write the same bytes: GraphML (NetworkX, yEd, Gephi), GEXF 1.3 (Gephi),
 * a CSV edge list, and a JSON document. Each writer takes a {@link
 * io.convener.api.champion.NetworkGraph}, which names consenting members only, and writes nothing
 * about a member that the record does not hold.
 */
@NullMarked
package io.convener.http.export;

import org.jspecify.annotations.NullMarked;
