package io.newswire.schema.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes outside trusted packages. This trusts newswire's generated
 * schema package once per JVM, in code, so every entry point (command line, streams, tests) decodes alike.
 */
final class TrustedPackages {

    static final String SCHEMA_PACKAGE = "io.newswire.schema";

    private static boolean installed;

    private TrustedPackages() {
    }

    static synchronized void trustNewswireSchemas() {
        if (installed) {
            return;
        }
        final ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
            type -> SCHEMA_PACKAGE.equals(type.getPackageName())));
        installed = true;
    }
}
