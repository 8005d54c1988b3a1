package org.payengine.application.usecase;

import org.payengine.domain.Rejection;

/**
 * Refusals of reconciliation. A refused report changes nothing: no run, no discrepancy, no transaction is stored.
 * {@code *_NOT_FOUND} means "no such thing"; {@code RECONCILIATION_NOT_CONFIGURED} that the engine lacks the setting it
 * needs; the report refusals that the file is not one this engine may apply.
 */
public sealed interface ReconciliationRejection extends Rejection {

    /** The file cannot be read as one of Antom's reports (incomplete, malformed: the message names the line). */
    record ReportRefused(int line, String reason) implements ReconciliationRejection {
        @Override
        public String code() {
            return "REPORT_REFUSED";
        }

        @Override
        public String message() {
            return "The report is refused and nothing of it applied: " + reason;
        }
    }

    /** The report is another merchant's: its lines name another Antom merchant id ({@code customerId}). */
    record OtherMerchant(String found, String expected) implements ReconciliationRejection {
        @Override
        public String code() {
            return "REPORT_OF_ANOTHER_MERCHANT";
        }

        @Override
        public String message() {
            return "The report is of Antom merchant " + found + ", not of this engine's merchant " + expected
                    + "; nothing of it is applied";
        }
    }

    /** The engine does not know its own Antom merchant id, so it cannot tell its reports from another merchant's. */
    record NotConfigured(String what) implements ReconciliationRejection {
        @Override
        public String code() {
            return "RECONCILIATION_NOT_CONFIGURED";
        }

        @Override
        public String message() {
            return "Reconciliation is not configured: " + what;
        }
    }

    record RunNotFound(String runId) implements ReconciliationRejection {
        @Override
        public String code() {
            return "RECONCILIATION_RUN_NOT_FOUND";
        }

        @Override
        public String message() {
            return "There is no reconciliation run " + runId;
        }
    }
}
