/**
 * The interchange model: members and the events they take part in, exactly as the JSON Lines
 * interchange format describes them. All types are immutable records that validate on
 * construction.
 */
@NullMarked
package io.convener.api.model;

import org.jspecify.annotations.NullMarked;
