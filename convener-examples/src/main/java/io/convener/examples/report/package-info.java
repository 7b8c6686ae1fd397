/**
 * The self-contained HTML report of {@code convener report}: one XHTML-compatible file with inline
 * SVG charts and inline CSS, no scripts and nothing fetched from elsewhere, built only from results
 * the services returned through the consent gate, so it names only people those results name.
 */
@NullMarked
package io.convener.examples.report;

import org.jspecify.annotations.NullMarked;
