package org.payengine.domain;

/**
 * A value was refused because it holds what looks like a card number. PayEngine works in hosted mode: the buyer
 * enters card data on Antom's page, and PayEngine never accepts, keeps, logs or sends on a card number. The refused
 * value itself is never part of the message.
 */
public final class CardDataRefusedException extends InvalidValueException {

    public CardDataRefusedException(String field, int digits) {
        super(field, "holds what looks like a card number (" + digits + " digits that pass the Luhn check);"
                + " PayEngine never accepts card numbers: the buyer enters them on Antom's hosted page");
    }
}
