package org.payengine.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule holds on the engine's production code (test code is free to cross boundaries). */
class ProductionArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ProductionClasses.imported();
    }

    static List<ArchitectureRules.NamedRule> rules() {
        return ArchitectureRules.all(PackageLayout.PRODUCTION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void production_code_follows(ArchitectureRules.NamedRule rule) {
        // An empty selection fails too: a renamed package must not turn a rule into a no-op.
        rule.rule().check(production);
    }
}
