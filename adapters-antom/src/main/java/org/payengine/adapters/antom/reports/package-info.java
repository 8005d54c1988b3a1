/**
 * Antom's reconciliation reports (transaction details, settlement details, settlement summary) read into the
 * engine's terms: {@link org.payengine.adapters.antom.reports.AntomReportDecoder}.
 */
package org.payengine.adapters.antom.reports;
