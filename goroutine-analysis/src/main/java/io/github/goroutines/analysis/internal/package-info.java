/** Helpers of the analysis module; not API. */
package io.github.goroutines.analysis.internal;
