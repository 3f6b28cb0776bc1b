package io.newswire.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.newswire.schema.Turn;

/**
 * Finds the speaker turns of a transcript: input body paragraphs, output the turns. A turn opens with a paragraph
 * {@code Name: text}, where Name is a person (capitalized words, perhaps after a title such as "President of Russia")
 * or a role word ("Question", "Remark"), and runs until the next such paragraph.
 */
public final class SpeakerTurns {

    /** A paragraph that opens a turn: who speaks and the text after the colon. */
    public record Opening(String speaker, String text) {

        public Opening {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Titles run long ("Chairman of the Federation of Independent Trade Unions of Russia Mikhail Shmakov"). */
    private static final int MAX_PREFIX = 150;
    private static final int MAX_WORDS = 16;
    /** Translator's notes after the name, "(retranslated)", describe the text, not the speaker: not kept in the name. */
    private static final Pattern NOTE = Pattern.compile("\\s*\\([^()]{1,100}\\)$");
    private static final Pattern CAPITALIZED = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}.'\\u2019\\-]*");
    /** Name particles joined to a capitalized name: "el-Sisi", "al-Assad", "d'Estaing". */
    private static final Pattern PARTICLE_NAME =
        Pattern.compile("(?:al|el|ad|ben|bin|ibn|de|di|da|du|van|von|le|la|d)['\\u2019\\-]\\p{Lu}[\\p{L}\\p{M}.'\\u2019\\-]*");
    /** Scraping sometimes drops the space between first and last name ("VladimirPutin"). */
    private static final Pattern GLUED_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+\\p{Lu}\\p{L}+");
    /** Lower-case words allowed inside titles and names ("Minister of Industry and Trade", "Tamim bin Hamad"). */
    private static final Set<String> CONNECTIVES = Set.of("of", "the", "and", "for", "to", "on", "in", "at", "de",
        "da", "di", "del", "della", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "des", "y", "e",
        "et", "und");
    /** Role words that stand alone before the colon; a single capitalized word otherwise is a heading, not a speaker. */
    private static final Set<String> ROLES = Set.of("question", "questions", "remark", "remarks", "reply", "response",
        "answer", "comment", "voice", "voices", "presenter", "moderator", "host", "interpreter", "audience",
        "participant", "participants", "correspondent", "journalist", "interviewer", "operator",
        "domanda", "risposta", "commento", "voce", "giornalista", "moderatore", "conduttore",
        "вопрос", "ответ", "реплика", "голос", "ведущий", "ведущая", "журналист", "комментарий",
        "frage", "antwort", "zwischenruf", "réponse", "remarque", "journaliste", "animateur",
        "pregunta", "respuesta", "periodista", "moderador");
    /**
     * Capitalized first words that begin headings and sentences rather than names ("The Treaty:", "Article One:",
     * "Ladies and Gentlemen:").
     */
    private static final Set<String> NOT_FIRST = Set.of("the", "a", "an", "in", "on", "at", "for", "and", "but",
        "as", "if", "when", "while", "this", "that", "these", "those", "it", "we", "i", "he", "she", "they", "our",
        "my", "his", "her", "their", "its", "dear", "ladies", "article", "chapter", "section", "part", "annex",
        "appendix", "item", "note", "notes", "subject", "re", "date", "tel", "phone", "email", "fax", "address",
        "website");

    /** The turn that {@code paragraph} opens, if it opens one. */
    public Optional<Opening> open(final String paragraph) {
        final int colon = paragraph.indexOf(':');
        if (colon <= 0 || colon > MAX_PREFIX) {
            return Optional.empty();
        }
        final String text = paragraph.substring(colon + 1);
        if (!text.isEmpty() && !Character.isWhitespace(text.charAt(0))) {
            return Optional.empty();
        }
        // strip(), not trim(): French sets a (no-break) space before the colon ("Question : …").
        final String speaker = NOTE.matcher(paragraph.substring(0, colon).strip()).replaceFirst("");
        return isSpeaker(speaker) ? Optional.of(new Opening(speaker, text.strip())) : Optional.empty();
    }

    /** The turns of {@code paragraphs}, in order; paragraphs before the first speaker belong to no turn. */
    public List<Turn> turns(final List<String> paragraphs) {
        final List<Turn> turns = new ArrayList<>();
        String speaker = null;
        final List<String> said = new ArrayList<>();
        for (final String paragraph : paragraphs) {
            final Optional<Opening> opening = open(paragraph);
            if (opening.isPresent()) {
                if (speaker != null) {
                    turns.add(turn(speaker, said));
                }
                speaker = opening.get().speaker();
                said.clear();
                said.add(opening.get().text());
            } else if (speaker != null) {
                said.add(paragraph);
            }
        }
        if (speaker != null) {
            turns.add(turn(speaker, said));
        }
        return turns;
    }

    /** True when {@code prefix} (the text before the colon, notes removed) names a speaker. */
    boolean isSpeaker(final String prefix) {
        if (prefix.isEmpty()) {
            return false;
        }
        final String[] words = prefix.split(" ");
        if (words.length > MAX_WORDS) {
            return false;
        }
        if (words.length == 1) {
            return ROLES.contains(prefix.toLowerCase(Locale.ROOT)) || GLUED_NAME.matcher(prefix).matches();
        }
        final String first = withoutComma(words[0]);
        final String last = words[words.length - 1];
        if (!CAPITALIZED.matcher(first).matches() || NOT_FIRST.contains(first.toLowerCase(Locale.ROOT))
            || !isNameWord(last)) {
            return false;
        }
        for (final String word : words) {
            final String bare = withoutComma(word);
            if (!isNameWord(bare) && !CONNECTIVES.contains(bare)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameWord(final String word) {
        return CAPITALIZED.matcher(word).matches() || PARTICLE_NAME.matcher(word).matches();
    }

    /** Commas appear inside long titles ("Minister of Civil Defence, Emergencies and …"). */
    private static String withoutComma(final String word) {
        return word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
    }

    private static Turn turn(final String speaker, final List<String> said) {
        final List<String> parts = new ArrayList<>();
        for (final String text : said) {
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return new Turn(speaker, String.join("\n\n", parts));
    }
}
