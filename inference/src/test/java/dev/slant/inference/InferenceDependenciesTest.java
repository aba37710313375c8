package dev.slant.inference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inference library is what applications add as a dependency: its runtime class path (this test's class path is
 * it plus JUnit and test helpers) must not bring an application's frameworks.
 */
class InferenceDependenciesTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "picocli.CommandLine",                       // command-line parsing: the cli module's
        "org.eclipse.jetty.server.Server",           // the HTTP server: the serve module's
        "org.apache.spark.sql.SparkSession",         // Spark: the spark module's (provided by the cluster)
        "me.tongfei.progressbar.ProgressBar",        // terminal progress bars: the cli module's
        "org.slf4j.jul.JULServiceProvider",          // a logging binding: chosen by the application
    })
    void anApplicationFrameworkIsNotOnTheClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className, false, getClass().getClassLoader()),
                className + " is on the inference library's class path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.slant.inference.SlantClassifier", "dev.slant.datasets.Article"})
    void theLibraryItselfIsOnTheClassPath(String className) {
        assertDoesNotThrow(() -> Class.forName(className, false, getClass().getClassLoader()));
    }
}
