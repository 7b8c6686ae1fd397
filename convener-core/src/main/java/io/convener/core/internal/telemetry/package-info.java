/**
 * Telemetry of the services through the OpenTelemetry API only: spans of gate calls, scheduled
 * runs and their stages, and the metrics a host exports with the SDK of its choice. Not API.
 */
@NullMarked
package io.convener.core.internal.telemetry;

import org.jspecify.annotations.NullMarked;
