package org.payengine.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that the rules are not vacuous: a small engine that follows them passes every rule, and for
 * each rule a fixture tree that breaks exactly that rule is reported by it — and by no other rule.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURES = "org.payengine.architecture.fixture";

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("domaindependsonapplication", ArchitectureRules::domainDependsOnTheJdkOnly, "Basket"),
                violation("applicationdependsonadapter",
                        ArchitectureRules::applicationDependsOnDomainAndJakartaInjectOnly, "Checkout"),
                violation("portleakshttp", ArchitectureRules::portsSpeakInDomainTermsOnly, "Gateway"),
                violation("adapterusesadapter", ArchitectureRules::adaptersNeverDependOnEachOther, "SdkGateway"),
                violation("adapterusesbootstrap", ArchitectureRules::onlyBootstrapDependsOnBootstrap, "Routes"),
                violation("simulatorusesdomain", ArchitectureRules::simulatorDependsOnNoEngineModule, "FakeAntom"),
                violation("adapterusessimulator",
                        ArchitectureRules::engineDependsOnTheSimulatorNowhereInMainCode, "Routes"),
                violation("sdkoutsideantomadapter", ArchitectureRules::antomSdkStaysInTheAntomAdapter, "PaymentRow"),
                violation("jdbioutsidepersistence", ArchitectureRules::databaseAccessStaysInPersistence, "Routes"),
                violation("undertowoutsidehttp", ArchitectureRules::undertowStaysInTheHttpEdges, "Console"),
                violation("domainreadswallclock", ArchitectureRules::coreTakesTimeFromTheClockPort, "CaptureWindow"),
                violation("domainpackagecycle", ArchitectureRules::domainPackagesHaveNoCycles, "Ledger"));
    }

    @Test
    void every_rule_has_a_fixture_that_breaks_it() {
        List<String> covered = violations()
                .map(arguments -> ((Function<PackageLayout, ArchitectureRules.NamedRule>) arguments.get()[1])
                        .apply(PackageLayout.PRODUCTION).name())
                .sorted()
                .toList();
        List<String> all = ArchitectureRules.all(PackageLayout.PRODUCTION).stream()
                .map(ArchitectureRules.NamedRule::name)
                .sorted()
                .toList();
        assertEquals(all, covered);
    }

    @Test
    void an_engine_that_follows_the_rules_passes_every_rule() {
        PackageLayout layout = new PackageLayout(FIXTURES + ".conforming");
        JavaClasses classes = importTree(layout);
        assertAll(ArchitectureRules.all(layout).stream().map(named -> () -> {
            EvaluationResult result = named.rule().evaluate(classes);
            assertFalse(result.hasViolation(), () -> named.name() + " rejected conforming code:\n"
                    + result.getFailureReport());
        }));
    }

    @ParameterizedTest(name = "{0} breaks only \"{3}\"")
    @MethodSource("violations")
    void each_rule_reports_the_class_that_breaks_it(String tree,
            Function<PackageLayout, ArchitectureRules.NamedRule> ruleUnderTest, String offender, String ruleName) {
        PackageLayout layout = new PackageLayout(FIXTURES + "." + tree);
        JavaClasses classes = importTree(layout);
        String broken = ruleUnderTest.apply(layout).name();

        assertAll(ArchitectureRules.all(layout).stream().map(named -> () -> {
            // Fixture trees hold only the classes a case needs; an empty selection is not a violation here.
            EvaluationResult result = named.rule().allowEmptyShould(true).evaluate(classes);
            if (named.name().equals(broken)) {
                assertTrue(result.hasViolation(), () -> named.name() + " did not report the fixture " + tree);
                String report = result.getFailureReport().toString();
                assertTrue(report.contains(layout.root()) && report.contains(offender),
                        () -> named.name() + " reported something other than " + offender + ":\n" + report);
            } else {
                assertFalse(result.hasViolation(), () -> named.name() + " also fired on the fixture " + tree
                        + ", which is meant to break only " + broken + ":\n" + result.getFailureReport());
            }
        }));
    }

    private static Arguments violation(String tree, Function<PackageLayout, ArchitectureRules.NamedRule> rule,
            String offender) {
        return Arguments.of(tree, rule, offender, rule.apply(PackageLayout.PRODUCTION).name());
    }

    private static JavaClasses importTree(PackageLayout layout) {
        return new ClassFileImporter().importPackages(layout.root());
    }
}
