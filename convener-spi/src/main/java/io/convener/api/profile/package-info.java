/**
 * Members' personal data — display name and email — as the one service that reads or erases it:
 * reads need the member's consent for {@code profile.share} (or are the member's own), and every
 * read and erasure leaves a provenance entry.
 */
@NullMarked
package io.convener.api.profile;

import org.jspecify.annotations.NullMarked;
