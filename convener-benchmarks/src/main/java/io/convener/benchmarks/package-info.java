/**
 * JMH benchmarks, one class per scenario, sized with the synthetic organisation. Build with
 * {@code ./mvnw -q package -DskipTests -pl convener-benchmarks -am}, run with {@code java -jar
 * convener-benchmarks/target/benchmarks.jar <Class>}. Figures live in {@code docs/benchmarks.md}.
 */
@NullMarked
package io.convener.benchmarks;

import org.jspecify.annotations.NullMarked;
