package io.newswire.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Properties;

/**
 * Maps ISO 639-3 (or 639-2/T) language codes to ISO 639-1, as detectors answer in the former and newswire
 * publishes the latter.
 *
 * <p>The JDK's own table ({@link Locale#getISO3Language()}) does most of the work; it only knows macrolanguage
 * codes ({@code zho}, {@code fas}), so the individual languages that detectors name instead ({@code cmn},
 * {@code pes}) come from the small resource {@code iso639-3-individual.properties}.
 */
public final class Iso639 {

    private static final String INDIVIDUAL_CODES = "iso639-3-individual.properties";

    private final Map<String, String> alpha3ToAlpha1;

    private Iso639(final Map<String, String> alpha3ToAlpha1) {
        this.alpha3ToAlpha1 = Map.copyOf(alpha3ToAlpha1);
    }

    /** The JDK's table plus the bundled individual-language codes. */
    public static Iso639 load() {
        final Map<String, String> table = new HashMap<>();
        for (final String alpha1 : Locale.getISOLanguages()) {
            alpha3Of(alpha1).ifPresent(alpha3 -> table.put(alpha3, alpha1));
        }
        final Properties individual = new Properties();
        try (InputStream in = Iso639.class.getResourceAsStream(INDIVIDUAL_CODES)) {
            if (in == null) {
                throw new IllegalStateException("resource " + INDIVIDUAL_CODES + " is missing from the classpath");
            }
            individual.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + INDIVIDUAL_CODES, e);
        }
        individual.forEach((alpha3, alpha1) -> table.put(alpha3.toString(), alpha1.toString()));
        return new Iso639(table);
    }

    /** The JDK lists a few alpha-2 codes without an alpha-3 form: nothing maps to those. */
    private static Optional<String> alpha3Of(final String alpha1) {
        try {
            return Optional.of(new Locale(alpha1).getISO3Language());
        } catch (final MissingResourceException noAlpha3) {
            return Optional.empty();
        }
    }

    /** The ISO 639-1 code for an ISO 639-3 code, or null when the language has none (e.g. {@code ceb}). */
    public String toAlpha1(final String alpha3) {
        if (alpha3 == null) {
            return null;
        }
        return alpha3ToAlpha1.get(alpha3.toLowerCase(Locale.ROOT));
    }
}
