package org.payengine.domain.order;

import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;

/** A person's name as Antom's {@code UserName} holds it; at least one part is present. */
public record PersonName(String firstName, String middleName, String lastName, String fullName) {

    public PersonName {
        firstName = MerchantText.optional("firstName", firstName, 32);
        middleName = MerchantText.optional("middleName", middleName, 32);
        lastName = MerchantText.optional("lastName", lastName, 32);
        fullName = MerchantText.optional("fullName", fullName, 128);
        if (firstName == null && middleName == null && lastName == null && fullName == null) {
            throw new InvalidValueException("name", "needs at least one part");
        }
    }

    public static PersonName full(String fullName) {
        return new PersonName(null, null, null, fullName);
    }

    public static PersonName of(String firstName, String lastName) {
        return new PersonName(firstName, null, lastName, null);
    }
}
