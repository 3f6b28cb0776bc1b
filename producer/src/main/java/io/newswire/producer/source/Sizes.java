package io.newswire.producer.source;

import java.util.Locale;

/** Byte counts as people read them in messages: "512 bytes", "3.2 KiB", "10 MiB". */
public final class Sizes {

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;

    private Sizes() {
    }

    public static String describe(final long bytes) {
        if (bytes < KIB) {
            return bytes + " bytes";
        }
        if (bytes < MIB) {
            return trimmed(bytes / (double) KIB) + " KiB";
        }
        return trimmed(bytes / (double) MIB) + " MiB";
    }

    private static String trimmed(final double value) {
        final String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
