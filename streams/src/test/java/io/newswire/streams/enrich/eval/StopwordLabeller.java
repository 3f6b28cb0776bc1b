package io.newswire.streams.enrich.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels long texts with their language by counting each language's most frequent function words, so that the
 * unlabelled Europarl lines can serve as test data with labels that owe nothing to either detector under test.
 *
 * <p>It only answers for texts of a few hundred words where the best language has at least {@link #MIN_HITS} hits
 * and twice as many as the runner-up; anything closer is left unlabelled (null) and out of the measurement.
 */
final class StopwordLabeller {

    private static final int MIN_HITS = 20;
    private static final double MIN_RATIO = 2.0;
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    /** Words frequent in one language and rare in its neighbours (all 21 Europarl languages, so none is mistaken). */
    private static final Map<String, Set<String>> STOPWORDS = stopwords();

    private StopwordLabeller() {
    }

    private static Map<String, Set<String>> stopwords() {
        final Map<String, Set<String>> words = new LinkedHashMap<>();
        words.put("it", Set.of("il", "della", "che", "di", "per", "non", "sono", "una", "gli", "delle", "nel", "anche",
                "questo", "alla", "dei", "è"));
        words.put("en", Set.of("the", "and", "of", "to", "is", "that", "we", "this", "for", "are", "have", "be", "which",
                "not", "with"));
        words.put("de", Set.of("der", "die", "und", "das", "ist", "nicht", "wir", "den", "zu", "von", "mit", "sich",
                "auch", "des", "eine", "ein"));
        words.put("fr", Set.of("le", "les", "des", "et", "est", "que", "une", "pour", "nous", "dans", "pas", "qui", "du",
                "sur", "au"));
        words.put("es", Set.of("el", "los", "las", "que", "del", "y", "por", "una", "para", "es", "se", "con", "lo",
                "más", "como"));
        words.put("pt", Set.of("os", "que", "não", "da", "do", "dos", "das", "uma", "para", "é", "em", "com", "um",
                "ao", "mais"));
        words.put("nl", Set.of("het", "een", "van", "en", "dat", "niet", "op", "te", "voor", "zijn", "wij", "met",
                "ook", "worden"));
        words.put("sv", Set.of("och", "att", "är", "av", "inte", "för", "också", "detta", "som", "har", "kommissionen",
                "vi"));
        words.put("da", Set.of("og", "at", "er", "af", "ikke", "til", "også", "dette", "som", "har", "kommissionen",
                "vi"));
        words.put("fi", Set.of("ja", "on", "että", "ei", "se", "myös", "ovat", "tämä", "kuin", "mutta", "joka",
                "olla"));
        words.put("pl", Set.of("się", "nie", "że", "jest", "w", "oraz", "przez", "dla", "jak", "które", "są", "na",
                "z"));
        words.put("cs", Set.of("se", "že", "je", "v", "jsou", "také", "které", "pro", "ale", "na", "tak"));
        words.put("sk", Set.of("sa", "že", "je", "v", "aj", "ktoré", "pre", "ako", "sú", "na", "tak"));
        words.put("sl", Set.of("in", "je", "da", "se", "na", "za", "ki", "so", "tudi", "ne", "pa"));
        words.put("hu", Set.of("a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "mint", "csak"));
        words.put("ro", Set.of("și", "în", "la", "care", "pentru", "este", "nu", "cu", "să", "din", "această"));
        words.put("lt", Set.of("ir", "kad", "yra", "tai", "su", "į", "bet", "kaip", "jo", "dėl"));
        words.put("lv", Set.of("un", "ir", "ka", "par", "ar", "no", "lai", "arī", "kas", "to"));
        words.put("et", Set.of("ja", "on", "et", "ei", "see", "ka", "kui", "aga", "mis", "oma"));
        words.put("el", Set.of("και", "το", "να", "της", "την", "του", "που", "για", "με", "στην"));
        words.put("bg", Set.of("на", "и", "за", "да", "се", "в", "от", "че", "това", "е"));
        return words;
    }

    /** The language of a long text, or null when the function words do not clearly agree. */
    static String label(final String text) {
        final Map<String, Integer> hits = new HashMap<>();
        for (final String word : WORD.split(text.toLowerCase(Locale.ROOT))) {
            for (final Map.Entry<String, Set<String>> language : STOPWORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int secondHits = 0;
        for (final Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > bestHits) {
                secondHits = bestHits;
                bestHits = entry.getValue();
                best = entry.getKey();
            } else if (entry.getValue() > secondHits) {
                secondHits = entry.getValue();
            }
        }
        if (bestHits < MIN_HITS || bestHits < MIN_RATIO * secondHits) {
            return null;
        }
        return best;
    }
}
