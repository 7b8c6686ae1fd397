/**
 * A witness of a Convener node's provenance log: it follows the checkpoint feed over HTTP, checks
 * every new signed checkpoint's signature and a consistency proof against the last checkpoint it
 * kept, and keeps the new one. It checks with its own code (the JDK's Ed25519 and RFC 9162's
 * verification algorithm), not with Convener's, as an outside auditor would.
 */
@NullMarked
package io.convener.examples.witness;

import org.jspecify.annotations.NullMarked;
