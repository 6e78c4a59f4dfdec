package org.loghandlers.benchmarks;

/**
 * What a sink received in one iteration: the records counted, the first framing error (null if none), the first
 * record's first bytes, and whether the sender had finished ({@code settled}: every TCP connection closed by the
 * sender, or no datagram for a while).
 */
record Reception(long records, String error, FirstRecord first, boolean settled) {
}
