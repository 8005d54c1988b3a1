package org.payengine.adapters.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class on one backend with a database of its own, created before its first test and
 * dropped after its last. Tests receive it as a {@link TestDatabase} constructor or method
 * parameter. The usual shape is one abstract suite and a {@code @Nested} subclass per backend.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(TestDatabases.class)
@interface RunsOn {
    Backend value();
}
