/**
 * The JDBC quota store: the {@code quota_buckets} table, one row per shared rate-limit bucket of a
 * tenant. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.quota;

import org.jspecify.annotations.NullMarked;
