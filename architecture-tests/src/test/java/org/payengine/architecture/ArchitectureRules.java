package org.payengine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The dependency rules of PayEngine: arrows point inward (domain ← application ← adapters ←
 * bootstrap), adapters never see each other, the simulated Antom sees no engine code, and no
 * technology type crosses a port.
 */
final class ArchitectureRules {

    /** Technology that must never appear in a port's signature. */
    private static final String[] TECHNOLOGY = {
        "com.alipay..", "com.alibaba..", // Antom SDK and its JSON library
        "java.sql..", "javax.sql..", "org.jdbi..", "com.zaxxer..", "org.h2..", "org.postgresql..", "org.flywaydb..",
        "io.undertow..", "org.xnio..", "java.net.http..", "javax.net..",
        "com.fasterxml..", "jakarta.json..", "org.json.."
    };

    private static final String[] ANTOM_SDK = {"com.alipay..", "com.alibaba.fastjson.."};
    private static final String[] DATABASE = {
        "java.sql..", "org.jdbi..", "com.zaxxer..", "org.h2..", "org.postgresql..", "org.flywaydb.."
    };
    private static final String[] UNDERTOW = {"io.undertow..", "org.xnio.."};

    private ArchitectureRules() {}

    /** A rule with the name its tests and failure reports use. */
    record NamedRule(String name, ArchRule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<NamedRule> all(PackageLayout layout) {
        return List.of(
                domainDependsOnTheJdkOnly(layout),
                applicationDependsOnDomainAndJakartaInjectOnly(layout),
                portsSpeakInDomainTermsOnly(layout),
                adaptersNeverDependOnEachOther(layout),
                onlyBootstrapDependsOnBootstrap(layout),
                simulatorDependsOnNoEngineModule(layout),
                engineDependsOnTheSimulatorNowhereInMainCode(layout),
                antomSdkStaysInTheAntomAdapter(layout),
                databaseAccessStaysInPersistence(layout),
                undertowStaysInTheHttpEdges(layout),
                coreTakesTimeFromTheClockPort(layout),
                domainPackagesHaveNoCycles(layout));
    }

    static NamedRule domainDependsOnTheJdkOnly(PackageLayout layout) {
        return new NamedRule("domain depends on the JDK only", classes()
                .that().resideInAPackage(layout.domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage(layout.domain(), "java..")
                .because("the payment rules must be readable and testable without any framework"));
    }

    static NamedRule domainPackagesHaveNoCycles(PackageLayout layout) {
        return new NamedRule("the domain's packages have no cycles", slices()
                .matching(layout.root() + ".domain.(**)")
                .should().beFreeOfCycles()
                .because("each part of the domain reads on its own: the order raises events and names its pending "
                        + "work, and neither knows the order"));
    }

    static NamedRule applicationDependsOnDomainAndJakartaInjectOnly(PackageLayout layout) {
        return new NamedRule("application depends on domain and jakarta.inject only", classes()
                .that().resideInAPackage(layout.application())
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(layout.application(), layout.domain(), "java..", "jakarta.inject..")
                .because("use cases orchestrate ports; adapters bring the technology"));
    }

    static NamedRule portsSpeakInDomainTermsOnly(PackageLayout layout) {
        return new NamedRule("ports speak in domain terms only", noClasses()
                .that().resideInAPackage(layout.ports())
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
                .because("no SDK, JDBC, Jdbi, Undertow or JSON type may cross a port"));
    }

    static NamedRule adaptersNeverDependOnEachOther(PackageLayout layout) {
        return new NamedRule("adapters never depend on each other", slices()
                .matching(layout.root() + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("an adapter talks to the application through its ports only"));
    }

    static NamedRule onlyBootstrapDependsOnBootstrap(PackageLayout layout) {
        return new NamedRule("only bootstrap depends on bootstrap", noClasses()
                .that().resideOutsideOfPackage(layout.bootstrap())
                .should().dependOnClassesThat().resideInAPackage(layout.bootstrap())
                .because("the composition root sees everything and nothing sees it"));
    }

    static NamedRule simulatorDependsOnNoEngineModule(PackageLayout layout) {
        return new NamedRule("the simulator depends on no engine module", noClasses()
                .that().resideInAPackage(layout.simulator())
                .should().dependOnClassesThat().resideInAnyPackage(layout.engine())
                .because("the simulator is Antom, not part of the merchant"));
    }

    static NamedRule engineDependsOnTheSimulatorNowhereInMainCode(PackageLayout layout) {
        return new NamedRule("only bootstrap starts the simulator", noClasses()
                .that().resideInAnyPackage(layout.domain(), layout.application(),
                        layout.antomAdapter(), layout.persistenceAdapter(), layout.httpAdapter())
                .should().dependOnClassesThat().resideInAPackage(layout.simulator())
                .because("the engine talks to Antom over the wire, whichever Antom it is"));
    }

    static NamedRule antomSdkStaysInTheAntomAdapter(PackageLayout layout) {
        return new NamedRule("the Antom SDK stays in the Antom adapter", noClasses()
                .that().resideOutsideOfPackage(layout.antomAdapter())
                .should().dependOnClassesThat().resideInAnyPackage(ANTOM_SDK)
                .because("the SDK is one adapter's implementation detail (and the simulator signs with java.security)"));
    }

    static NamedRule databaseAccessStaysInPersistence(PackageLayout layout) {
        return new NamedRule("database access stays in the persistence adapter", noClasses()
                .that().resideOutsideOfPackages(layout.persistenceAdapter(), layout.bootstrap())
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .because("JDBC, Jdbi, pools, drivers and migrations are the persistence adapter's business"));
    }

    static NamedRule undertowStaysInTheHttpEdges(PackageLayout layout) {
        return new NamedRule("Undertow stays in the HTTP edges", noClasses()
                .that().resideOutsideOfPackages(layout.httpAdapter(), layout.simulator(), layout.bootstrap())
                .should().dependOnClassesThat().resideInAnyPackage(UNDERTOW)
                .because("only the HTTP adapter and the simulator serve HTTP"));
    }

    static NamedRule coreTakesTimeFromTheClockPort(PackageLayout layout) {
        return new NamedRule("domain and application take time from the Clock port", noClasses()
                .that().resideInAnyPackage(layout.domain(), layout.application())
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("a 7-day capture window read from the wall clock cannot be tested"));
    }
}
