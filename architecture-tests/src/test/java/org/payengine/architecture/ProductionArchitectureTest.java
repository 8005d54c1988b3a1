package org.payengine.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule holds on the engine's production code (test code is free to cross boundaries). */
class ProductionArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // Dagger writes the factories of @Inject constructors into the injected class's package while it compiles
        // bootstrap: they are the composition root's code, whatever package they sit in.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PackageLayout.PRODUCTION.root())
                .that(DescribedPredicate.not(CanBeAnnotated.Predicates.annotatedWith("dagger.internal.DaggerGenerated")));
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
