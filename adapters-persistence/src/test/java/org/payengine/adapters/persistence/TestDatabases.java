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
        ExtensionContext classContext = classContextOf(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        // Stored in the class's context, so it is closed (and dropped) when the class is done.
        return classContext.getStore(NAMESPACE).computeIfAbsent(testClass,
                key -> TestDatabase.create(backendOf(classContext), testClass.getSimpleName()), TestDatabase.class);
    }

    private static Backend backendOf(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RunsOn.class)
                .map(RunsOn::value)
                .orElseThrow(() -> new IllegalStateException(context.getRequiredTestClass() + " lacks @RunsOn"));
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
