package org.payengine.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every call to Antom is one gateway operation: admitted once through the node's call budget (a call not admitted is
 * neither written nor sent), sent so that an adapter's exception is an unknown outcome and Antom's "slow down" pauses
 * the node, and its outcome applied once. A use case that admitted its own calls or called the gateway itself would
 * skip one of these steps for its calls, so only the operation may.
 *
 * <p>Not one of {@link ArchitectureRules}: those are about layers, written against a {@link PackageLayout} and proven
 * able to fail on fixture trees. These name the application's own classes; they are proven not to be vacuous on the
 * production code itself: the operation must make the very calls that no other class may make.
 */
class GatewayCallsTest {

    private static final String USE_CASES = "org.payengine.application.usecase.";
    private static final String OPERATION = USE_CASES + "GatewayOperation";
    private static final String CALL_BUDGET = USE_CASES + "CallBudget";
    private static final String ANTOM_API = USE_CASES + "AntomApi";
    private static final String GATEWAY = USE_CASES + "Gateway";
    private static final String PAYMENT_GATEWAY = "org.payengine.application.port.PaymentGateway";

    /** The operation and its nested steps; a lambda's body belongs to the class it is written in. */
    private static final DescribedPredicate<JavaClass> THE_OPERATION = describe("the gateway operation",
            type -> type.getName().equals(OPERATION) || type.getName().startsWith(OPERATION + "$"));

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ProductionClasses.imported();
    }

    @Test
    void only_the_gateway_operation_admits_calls_through_the_call_budget() {
        noClasses().that(not(THE_OPERATION))
                .should().callMethod(CALL_BUDGET, "admitMerchantCall", ANTOM_API)
                .orShould().callMethod(CALL_BUDGET, "admitBackgroundCall", ANTOM_API)
                .because("a call admitted outside the operation is admitted twice, or written before it is admitted")
                .check(production);
    }

    @Test
    void only_the_gateway_operation_calls_antom() {
        noClasses().that(not(THE_OPERATION))
                .should().callMethod(GATEWAY, "call", CALL_BUDGET, "java.util.function.Supplier")
                .because("the use cases declare what differs and hand the gateway's method to the operation")
                .check(production);
        noClasses().that(not(THE_OPERATION)).and().resideInAPackage(PackageLayout.PRODUCTION.application())
                .should().callMethodWhere(describe("a method of the payment gateway port",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals(PAYMENT_GATEWAY)))
                .because("a direct call to the port is neither admitted nor shielded from the adapter's exceptions")
                .check(production);
    }

    @Test
    void the_operation_makes_the_calls_the_rules_keep_to_it() {
        assertTrue(operationCalls(CALL_BUDGET, "admitMerchantCall"), "renamed? then the rules above watch nothing");
        assertTrue(operationCalls(CALL_BUDGET, "admitBackgroundCall"));
        assertTrue(operationCalls(GATEWAY, "call"));
        assertTrue(production.get(ANTOM_API).isEnum());
        assertTrue(production.stream().flatMap(type -> type.getMethodReferencesFromSelf().stream())
                        .anyMatch(reference -> reference.getTargetOwner().getName().equals(PAYMENT_GATEWAY)),
                "the use cases hand the port's methods to the operation");
    }

    private static boolean operationCalls(String owner, String method) {
        return production.stream().filter(THE_OPERATION)
                .flatMap(type -> type.getMethodCallsFromSelf().stream())
                .anyMatch(call -> call.getTargetOwner().getName().equals(owner) && call.getName().equals(method));
    }
}
