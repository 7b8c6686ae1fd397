/**
 * The JDBC member store: the {@code members} table, personal data kept apart in {@code
 * member_personal} as ciphertext only (through the injected {@code PersonalDataCipher}), and the
 * membership lookup tables for teams, cohorts and org units (with roll-up to every ancestor unit).
 * Not API.
 */
@NullMarked
package io.convener.jdbc.internal.member;

import org.jspecify.annotations.NullMarked;
