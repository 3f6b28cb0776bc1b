package io.newswire.streams.enrich;

import java.util.List;

import io.newswire.schema.Entities;
import io.newswire.schema.WireItem;

/**
 * Finds the entities of an item: persons from its speakers ({@link PersonNames}), and countries (ISO 3166-1
 * alpha-2), organizations and places (canonical English names) named in its text and dateline, each distinct, in
 * order of first appearance. Immutable and thread-safe.
 */
public final class EntityFinder {

    static final String ORGANIZATIONS = "organizations.tsv";
    static final String PLACES = "places.tsv";

    private final Gazetteer countries;
    private final Gazetteer organizations;
    private final Gazetteer places;
    private final PersonNames persons;

    private EntityFinder(final Gazetteer countries, final Gazetteer organizations, final Gazetteer places) {
        this.countries = countries;
        this.organizations = organizations;
        this.places = places;
        this.persons = PersonNames.load(countries, organizations);
    }

    /** Loads the bundled country, organization, place and title data. */
    public static EntityFinder load() {
        return new EntityFinder(CountryNames.load(), gazetteer(ORGANIZATIONS), gazetteer(PLACES));
    }

    /** The entities of an item, given its text ({@link ItemText#of}) and its distinct speakers. */
    public Entities find(final WireItem item, final String text, final List<String> speakers) {
        final String dateline = item.getDateline() == null ? null : item.getDateline().getPlace();
        final List<Token> tokens = Token.of(dateline == null ? text : dateline + "\n" + text);
        return new Entities(persons.persons(speakers), countries.find(tokens), organizations.find(tokens),
                places.find(tokens));
    }

    static Gazetteer gazetteer(final String resource) {
        final Gazetteer.Builder builder = Gazetteer.builder();
        for (final LexiconFile.Line line : LexiconFile.resource(resource, 3)) {
            LexiconFile.expand(line.column(2)).forEach(form -> builder.add(form, line.column(0)));
        }
        return builder.build();
    }
}
