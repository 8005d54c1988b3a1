/**
 * The payment domain, with no dependency but the JDK: money, ids, the order aggregate with its payment
 * attempts, captures and refunds, the facts Antom reports, and the events and audit entries changes produce.
 * Business refusals are values ({@link org.payengine.domain.Result}, {@link org.payengine.domain.Rejection});
 * invalid values are refused with {@link org.payengine.domain.InvalidValueException} naming the field.
 */
package org.payengine.domain;
