/** What PayEngine may know about a card: Antom's token, the masked number, check results. Never a card number. */
package org.payengine.domain.card;
