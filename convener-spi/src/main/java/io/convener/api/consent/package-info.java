/**
 * Consent: per-member, per-purpose consent records shaped after the Kantara Consent Receipt v1.1
 * and ISO/IEC TS 27560 ({@link io.convener.api.consent.ConsentRecord}), the tenant's policy of
 * enabled purposes ({@link io.convener.api.consent.ConsentPolicy}), the {@link
 * io.convener.api.consent.ConsentGate} service, and the disclosure types that make consent a type
 * rather than a call to remember: a result can name a person only through a {@link
 * io.convener.api.consent.Disclosed} value, which only {@link io.convener.api.consent.ConsentFilter}
 * mints, and only from a granting, unexpired record for exactly that person and purpose.
 */
@NullMarked
package io.convener.api.consent;

import org.jspecify.annotations.NullMarked;
