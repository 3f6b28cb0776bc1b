package io.newswire.schema.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes outside trusted packages — when decoding, and also when a record
 * is copied ({@code WireItem.newBuilder(item)}). This trusts newswire's generated schema package, once per JVM, in
 * code: the serdes call it, and so does every class that copies records without a serde (the stages), so no entry
 * point depends on another having run first.
 */
public final class SchemaTrust {

    static final String SCHEMA_PACKAGE = "io.newswire.schema";

    private static boolean installed;

    private SchemaTrust() {
    }

    /** Trusts {@value #SCHEMA_PACKAGE} in addition to what is already trusted; idempotent and thread-safe. */
    public static synchronized void trustNewswireSchemas() {
        if (installed) {
            return;
        }
        final ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
            type -> SCHEMA_PACKAGE.equals(type.getPackageName())));
        installed = true;
    }
}
