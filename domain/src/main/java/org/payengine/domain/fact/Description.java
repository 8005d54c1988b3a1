package org.payengine.domain.fact;

/**
 * Builds the canonical one-line description of a fact: its kind and every part that identifies it, in
 * a fixed order. Equal facts have equal descriptions, so the description can be stored and compared
 * to recognise a fact seen before.
 */
final class Description {

    private final StringBuilder text;

    private Description(String kind) {
        this.text = new StringBuilder(kind);
    }

    static Description of(String kind) {
        return new Description(kind);
    }

    Description with(String name, Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
