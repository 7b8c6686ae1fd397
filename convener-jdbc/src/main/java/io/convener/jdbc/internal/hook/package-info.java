/**
 * The JDBC store of checkpoint webhooks (the {@code checkpoint_webhooks} table, one row per tenant
 * and webhook). Not API.
 */
@NullMarked
package io.convener.jdbc.internal.hook;

import org.jspecify.annotations.NullMarked;
