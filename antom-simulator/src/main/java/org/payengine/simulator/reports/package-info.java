/**
 * Antom's reconciliation reports of the payments the simulator processed: the transaction details of a day and the
 * settlement details and summary of each batch, as CSV in Antom's current layout (the classic one on request), served
 * over HTTP under {@code /sandbox/reports/} and as files over SFTP in Antom's directory layout.
 */
package org.payengine.simulator.reports;
