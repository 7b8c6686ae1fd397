/** The default {@link io.convener.api.profile.ProfileService}, behind the choke point. */
@NullMarked
package io.convener.core.profile;

import org.jspecify.annotations.NullMarked;
