/**
 * The JDBC consent store: the append-only {@code consent_records} history, the {@code
 * consent_current} projection updated in the same transaction, and {@code consent_tenants}, which
 * holds each tenant's consent version and policy. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.consent;

import org.jspecify.annotations.NullMarked;
