package org.payengine.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The engine's production classes, as the architecture rules see them. */
final class ProductionClasses {

    private ProductionClasses() {
    }

    static JavaClasses imported() {
        // Dagger writes the factories of @Inject constructors into the injected class's package while it compiles
        // bootstrap: they are the composition root's code, whatever package they sit in.
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PackageLayout.PRODUCTION.root())
                .that(DescribedPredicate.not(CanBeAnnotated.Predicates.annotatedWith("dagger.internal.DaggerGenerated")));
    }
}
