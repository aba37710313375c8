package dev.slant.serve;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where headless Chromium and chromedriver are installed. Elsewhere each of its tests is
 * reported as skipped, with the reason (an abort in {@code @BeforeAll} would show in Surefire as no test at all,
 * with no message); under CI=true a missing browser fails the class instead, so that a green CI cannot hide a
 * missing install step.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.Condition.class)
@interface RequiresBrowser {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = Browser.missing();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("headless Chromium is installed");
            }
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI=true, so a missing browser fails instead of skipping");
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }
}
