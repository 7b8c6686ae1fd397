/**
 * Data residency: one Convener runtime per region, each on the database of its region, behind a
 * {@link io.convener.core.internal.region.RegionalConvener} that routes every service call to the
 * runtime of its principal's tenant. A tenant is pinned to one region in that region's database
 * ({@link io.convener.core.internal.region.RegionRouter}); sharing agreements across regions are
 * refused, so no row of one region's tenant is ever written into another region's database.
 * Built by {@code Conveners.Builder.region}; not API.
 */
@NullMarked
package io.convener.core.internal.region;

import org.jspecify.annotations.NullMarked;
