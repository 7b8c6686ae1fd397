/**
 * The Convener facade, typed identifiers and the exception tree. Everything a host needs to name
 * a tenant, a member or an event lives here; the services live in the area packages beneath.
 */
@NullMarked
package io.convener.api;

import org.jspecify.annotations.NullMarked;
