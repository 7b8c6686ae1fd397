/**
 * Scheduled work leased across nodes: the {@link io.convener.core.internal.schedule.JobScheduler}
 * runs each {@link io.convener.core.internal.schedule.ScheduledJob} for each tenant once per
 * period on one node, by a lease in the store. Not API.
 */
@NullMarked
package io.convener.core.internal.schedule;

import org.jspecify.annotations.NullMarked;
