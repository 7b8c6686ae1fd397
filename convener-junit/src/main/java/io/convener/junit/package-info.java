/** A JUnit Jupiter extension that gives host tests a started, empty, in-memory Convener. */
@NullMarked
package io.convener.junit;

import org.jspecify.annotations.NullMarked;
