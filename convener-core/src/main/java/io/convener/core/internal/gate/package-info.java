/**
 * The one choke point every public service call passes: {@link io.convener.core.internal.gate.Gate}
 * applies, in order, the tenant boundary, the role check and the per-tenant rate limit, runs the
 * service, passes its result through the {@link io.convener.core.internal.gate.ConsentFilter}, and writes
 * exactly one provenance entry through the {@link io.convener.core.internal.gate.ProvenanceRecorder},
 * whether the call succeeded, was denied or failed. Service implementations describe their call
 * as an {@link io.convener.core.internal.gate.Invocation} and run it through the gate; none checks tenants,
 * roles or quotas itself.
 */
@NullMarked
package io.convener.core.internal.gate;

import org.jspecify.annotations.NullMarked;
