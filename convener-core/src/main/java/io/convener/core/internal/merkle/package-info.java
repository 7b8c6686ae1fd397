/**
 * The RFC 9162 Merkle tree behind each tenant's provenance log: domain-separated SHA-256 hashing,
 * roots of any prefix, inclusion and consistency proofs from cached complete subtrees, an
 * incremental root for appends, and verifiers that follow RFC 9162 §2.1.3.2 and §2.1.4.2 to the
 * letter. Internal machinery of the runtime: not API, may change without notice.
 */
@NullMarked
package io.convener.core.internal.merkle;

import org.jspecify.annotations.NullMarked;
