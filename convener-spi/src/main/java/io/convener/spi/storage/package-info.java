/**
 * What a storage back end implements. Every method takes the {@link io.convener.api.TenantId} as
 * its first argument, and an implementation must never read or change another tenant's rows,
 * whatever the other arguments say. {@code convener-testing} holds the contract test every
 * implementation must pass.
 */
@NullMarked
package io.convener.spi.storage;

import org.jspecify.annotations.NullMarked;
