package org.payengine.application.port;

/**
 * Reads one of Antom's report files (transaction details, settlement details, settlement summary) into the engine's
 * terms. Antom's layouts differ by generation and by merchant (an SFTP account keeps its old layout unless the
 * merchant asks), so a decoder reads columns by their header names, tolerates columns it does not know, and tells
 * the report's type from its header (or its file name).
 *
 * <p>A file is read whole or not at all: a file that lacks Antom's {@code <END>} line is incomplete, and any
 * malformed line refuses the whole file, naming the line and the column — nothing of a refused file is ever
 * applied. A file with a header and no row is a normal empty day or batch. Amounts become minor units exactly, with
 * the currency's exponent; a value with more decimals than its currency has is refused, never rounded.
 *
 * <p>Pure: no I/O, no state, thread-safe, and never throws for bad input (every problem is a
 * {@link ReportDecoding.Refused}).
 */
public interface ReportDecoder {

    ReportDecoding decode(ReportFile file);
}
