/**
 * Reconciliation in the engine's own terms: what Antom's daily reports say ({@link org.payengine.domain.reconciliation.Report},
 * its {@link org.payengine.domain.reconciliation.ReportRow rows} with amounts in minor units and signed fees), what the engine
 * knows of one transaction ({@link org.payengine.domain.reconciliation.EngineTransaction}), and the pure rules that
 * compare the two ({@link org.payengine.domain.reconciliation.MatchingRules}) into
 * {@link org.payengine.domain.reconciliation.Finding findings} of a {@link org.payengine.domain.reconciliation.DiscrepancyType}.
 *
 * <p>A report is evidence, not a signed fact: nothing here changes an order. Where Antom reports a result the
 * engine has not reached, the rules say so ({@link org.payengine.domain.reconciliation.Finding#askAntom()}) and the
 * application asks Antom, applying its answer as it would any other.
 */
package org.payengine.domain.reconciliation;
