/**
 * Canonical JSON (RFC 8785, JCS): the one byte form of a JSON value that the provenance log hashes.
 * Internal machinery of the runtime: not API, may change without notice.
 */
@NullMarked
package io.convener.core.internal.json;

import org.jspecify.annotations.NullMarked;
