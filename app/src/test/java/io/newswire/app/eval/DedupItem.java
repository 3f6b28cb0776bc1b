package io.newswire.app.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item of the dedup evaluation set, with the content fields of newswire's JSON Lines input ({@code id},
 * {@code url}, {@code source}, {@code title}, {@code date}, {@code place}, {@code lang}, {@code lead},
 * {@code paragraphs}); empty place and lead are left out of the line.
 */
record DedupItem(String id, String url, String source, String title, String date, String place, String lang,
                 String lead, List<String> paragraphs) {

    DedupItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        place = place == null ? "" : place;
        lead = lead == null ? "" : lead;
        paragraphs = List.copyOf(paragraphs);
    }

    /** A corpus line: its label fields (topics, persons, speakers) are not read here. */
    static DedupItem fromCorpus(final JsonNode node, final int maxParagraphs) {
        final List<String> paragraphs = new ArrayList<>();
        for (final JsonNode paragraph : node.path("paragraphs")) {
            if (!paragraph.asText().isBlank() && paragraphs.size() < maxParagraphs) {
                paragraphs.add(paragraph.asText());
            }
        }
        return new DedupItem(node.path("id").asText(), node.path("url").asText(), "kremlin.ru",
            node.path("title").asText(""), node.path("date").asText(""), node.path("place").asText(""),
            node.path("lang").asText("en"), node.path("lead").asText(""), paragraphs);
    }

    LocalDate day() {
        return LocalDate.parse(date);
    }

    DedupItem withId(final String newId, final String newUrl, final String newSource) {
        return new DedupItem(newId, newUrl, newSource, title, date, place, lang, lead, paragraphs);
    }

    DedupItem withTitle(final String newTitle) {
        return new DedupItem(id, url, source, newTitle, date, place, lang, lead, paragraphs);
    }

    DedupItem withLead(final String newLead) {
        return new DedupItem(id, url, source, title, date, place, lang, newLead, paragraphs);
    }

    DedupItem withDate(final LocalDate newDate) {
        return new DedupItem(id, url, source, title, newDate.toString(), place, lang, lead, paragraphs);
    }

    DedupItem withParagraphs(final List<String> newParagraphs) {
        return new DedupItem(id, url, source, title, date, place, lang, lead, newParagraphs);
    }

    /** All the text, for similarity figures. */
    String text() {
        return title + "\n" + lead + "\n" + String.join("\n", paragraphs);
    }

    /** The JSON Lines object, fields in the order newswire documents them. */
    ObjectNode toJson(final ObjectMapper mapper) {
        final ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        node.put("url", url);
        node.put("source", source);
        node.put("title", title);
        node.put("date", date);
        if (!place.isEmpty()) {
            node.put("place", place);
        }
        node.put("lang", lang);
        if (!lead.isEmpty()) {
            node.put("lead", lead);
        }
        final ArrayNode body = node.putArray("paragraphs");
        paragraphs.forEach(body::add);
        return node;
    }
}
