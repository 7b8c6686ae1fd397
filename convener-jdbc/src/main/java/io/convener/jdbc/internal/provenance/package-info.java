/**
 * The JDBC provenance store: PROV-shaped tables of entries (activities), agents, entities and
 * their used and generated links, with the leaf hash and root after each entry, the per-tenant
 * head that serialises appends by compare-and-set, signed checkpoints and signing keys. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.provenance;

import org.jspecify.annotations.NullMarked;
