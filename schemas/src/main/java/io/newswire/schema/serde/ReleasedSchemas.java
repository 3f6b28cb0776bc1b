package io.newswire.schema.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The released versions of each record schema, read from the classpath
 * ({@code io/newswire/schema/released/<Record>/v<N>.avsc}), so decoders can resolve data written with any of them.
 * A schema version is released when it first ships; from then on its file never changes.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "/io/newswire/schema/released/";

    private ReleasedSchemas() {
    }

    /** Every released version of the record named {@code recordName} (simple name, e.g. "WireItem"), oldest first. */
    public static List<Schema> of(final String recordName) {
        final List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            final String path = ROOT + recordName + "/v" + version + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read released schema " + path, e);
            }
        }
    }
}
