package org.payengine.architecture;

/**
 * Where each part of the engine lives below a root package. The rules are written against a layout,
 * not against fixed names, so that the very same rules run on the production code and on the small
 * fixture trees that prove each rule can fail.
 */
record PackageLayout(String root) {

    static final PackageLayout PRODUCTION = new PackageLayout("org.payengine");

    String domain() {
        return root + ".domain..";
    }

    String application() {
        return root + ".application..";
    }

    String ports() {
        return root + ".application.port..";
    }

    String antomAdapter() {
        return root + ".adapters.antom..";
    }

    String persistenceAdapter() {
        return root + ".adapters.persistence..";
    }

    String httpAdapter() {
        return root + ".adapters.http..";
    }

    String simulator() {
        return root + ".simulator..";
    }

    String bootstrap() {
        return root + ".bootstrap..";
    }

    /** Everything that is the merchant's engine, as opposed to the simulated Antom. */
    String[] engine() {
        return new String[] {domain(), application(), antomAdapter(), persistenceAdapter(), httpAdapter(), bootstrap()};
    }
}
