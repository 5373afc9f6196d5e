/**
 * Helpers the parsers share: per-parse deduplication and Go string unquoting. Not API: exported only
 * to this library's own modules.
 */
package io.github.goroutines.model.internal;
