package org.payengine.adapters.persistence;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each {@link RunsOn} test class its own database, and skips the PostgreSQL classes, saying
 * so, when no PostgreSQL server is configured.
 */
final class TestDatabases implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);
    private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);
    private static final AtomicBoolean warnedAboutPostgres = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (backendOf(context) == Backend.POSTGRESQL && TestDatabase.postgresUrl().isEmpty()) {
            if (!warnedAboutPostgres.getAndSet(true)) {
                log.warn("\n{}\n{}\n{}", "*".repeat(100), TestDatabase.POSTGRES_SKIPPED_MESSAGE, "*".repeat(100));
            }
            return ConditionEvaluationResult.disabled(TestDatabase.POSTGRES_SKIPPED_MESSAGE);
        }
        return ConditionEvaluationResult.enabled("runs on " + backendOf(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = runningClassContextOf(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        // Stored in the class's context, so it is closed (and dropped) when the class is done.
        return classContext.getStore(NAMESPACE).computeIfAbsent(testClass,
                key -> TestDatabase.create(backendOf(classContext), testClass.getSimpleName()), TestDatabase.class);
    }

    private static Backend backendOf(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(runningClassContextOf(context).getRequiredTestClass(), RunsOn.class)
                .orElseThrow().value();
    }

    /**
     * The context of the class that carries {@link RunsOn}: the test's own class, or the class it is
     * nested in (the contract suites nest one class per store inside a class per backend).
     */
    private static ExtensionContext runningClassContextOf(ExtensionContext context) {
        for (ExtensionContext current = context; ; current = current.getParent().orElseThrow(
                () -> new IllegalStateException(context.getRequiredTestClass() + " is not inside a class with @RunsOn"))) {
            if (current.getTestMethod().isEmpty() && current.getTestClass()
                    .filter(type -> AnnotationSupport.isAnnotated(type, RunsOn.class)).isPresent()) {
                return current;
            }
        }
    }
}
