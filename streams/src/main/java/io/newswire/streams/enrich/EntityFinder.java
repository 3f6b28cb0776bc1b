package io.newswire.streams.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newswire.schema.Entities;
import io.newswire.schema.WireItem;

/**
 * Finds the entities of an item: persons from its speakers and its text, countries (ISO 3166-1 alpha-2),
 * organizations and places (canonical English names) named in its text and dateline, each distinct, in order of
 * first appearance. Immutable and thread-safe.
 *
 * <p>All names live in one {@link Gazetteer} read from the data files next to this class ({@code persons.tsv},
 * {@code person-titles.tsv}, {@code organizations.tsv}, {@code country-aliases.tsv} with the JDK's country names,
 * {@code places.tsv}), so the text is cut into tokens once and scanned once, and a longer name of one kind wins over
 * a shorter one of another inside it ({@code Shanghai Cooperation Organisation} is no mention of Shanghai).
 */
public final class EntityFinder {

    static final String ORGANIZATIONS = "organizations.tsv";
    static final String PLACES = "places.tsv";

    private final Gazetteer names;
    private final PersonNames persons;

    private EntityFinder(final Gazetteer names) {
        this.names = names;
        this.persons = PersonNames.load(names);
    }

    /** Loads the bundled person, title, organization, country and place data. */
    public static EntityFinder load() {
        final Gazetteer.Builder builder = Gazetteer.builder();
        PersonNames.addTo(builder);
        addLexicon(builder, Gazetteer.Kind.ORGANIZATION, ORGANIZATIONS);
        CountryNames.addTo(builder);
        addLexicon(builder, Gazetteer.Kind.PLACE, PLACES);
        return new EntityFinder(builder.build());
    }

    /** The entities of an item, given its text ({@link ItemText#of}) and its distinct speakers, language unknown. */
    public Entities find(final WireItem item, final String text, final List<String> speakers) {
        return find(item, text, speakers, null);
    }

    /**
     * The entities of an item in a known language (ISO 639-1, or null when unknown): lower-case forms in Latin
     * script (adjectives, title words) then match only in their own language.
     */
    public Entities find(final WireItem item, final String text, final List<String> speakers,
                         final String language) {
        final String all = withDateline(item, text);
        return find(all, Token.of(all), speakers, language);
    }

    /** The text entities are looked for in: the dateline's place, if any, on a line before the item's text. */
    public static String withDateline(final WireItem item, final String text) {
        final String dateline = item.getDateline() == null ? null : item.getDateline().getPlace();
        return dateline == null ? text : dateline + "\n" + text;
    }

    /**
     * The entities of a text already made by {@link #withDateline} and tokenized ({@link Token#of}), so a caller
     * that needs the words too tokenizes once.
     */
    public Entities find(final String all, final List<Token> tokens, final List<String> speakers,
                         final String language) {
        final List<Gazetteer.Match> matches = names.matches(tokens, language);
        final Set<String> people = new LinkedHashSet<>(persons.persons(speakers));
        persons.inText(all, tokens, matches, people);
        return new Entities(List.copyOf(people), values(matches, Gazetteer.Kind.COUNTRY),
                values(matches, Gazetteer.Kind.ORGANIZATION), values(matches, Gazetteer.Kind.PLACE));
    }

    /** The canonical form of a person's name ({@code Путин} → {@code Vladimir Putin}); the name itself if unknown. */
    public String canonicalPerson(final String name) {
        return persons.canonical(name);
    }

    /** The bundled names of persons, as speakers' labels and texts give them. */
    PersonNames persons() {
        return persons;
    }

    /** The one gazetteer of every kind of name. */
    Gazetteer names() {
        return names;
    }

    /** A gazetteer of one bundled lexicon alone (for tests). */
    static Gazetteer gazetteer(final Gazetteer.Kind kind, final String resource) {
        final Gazetteer.Builder builder = Gazetteer.builder();
        addLexicon(builder, kind, resource);
        return builder.build();
    }

    private static void addLexicon(final Gazetteer.Builder builder, final Gazetteer.Kind kind,
                                   final String resource) {
        for (final LexiconFile.Line line : LexiconFile.resource(resource, 3)) {
            for (final String form : LexiconFile.expand(line.column(2))) {
                builder.add(kind, line.column(1), form, line.column(0));
            }
        }
    }

    private static List<String> values(final List<Gazetteer.Match> matches, final Gazetteer.Kind kind) {
        final Set<String> values = new LinkedHashSet<>();
        for (final Gazetteer.Match match : matches) {
            if (match.kind() == kind) {
                values.add(match.value());
            }
        }
        return List.copyOf(values);
    }
}
