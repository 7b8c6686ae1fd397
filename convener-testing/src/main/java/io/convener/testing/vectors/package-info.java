/**
 * Access to the public conformance vectors (Merkle proofs, Wycheproof) that live beside the
 * checkout in {@code shared/vectors/}; they are never copied into the project.
 */
@NullMarked
package io.convener.testing.vectors;

import org.jspecify.annotations.NullMarked;
