package io.newswire.streams.enrich;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settles the language from the writing system where the script alone does, before any statistical model: a wire
 * flash or a headline of a dozen characters is too short for character n-grams, but Hangul is Korean, kana is
 * Japanese, Han without kana is Chinese, Greek is Greek, Arabic letters are Arabic unless Persian's or Urdu's own
 * letters appear, and Cyrillic is Ukrainian or Russian when the letters only one of them has appear. Anything else —
 * Latin script, Cyrillic without a telling letter, mixed scripts — goes to the model it wraps, which answers "unknown"
 * rather than guess on short texts.
 *
 * <p>Written here because the language detectors on Maven Central (OpenNLP's, Lingua, Tika's) score n-grams and
 * need more text than a headline; none exposes a script-only rule.
 */
public final class ScriptLanguageDetector implements LanguageDetector {

    /** Letters of the settling script needed: fewer is a stray word, not a text in that script. */
    static final int MIN_SCRIPT_LETTERS = 4;
    /** The share of the text's letters the script must have, so a Latin text quoting two Han characters is not zh. */
    static final double MIN_SCRIPT_SHARE = 0.5;

    private static final Map<UnicodeScript, String> ONE_LANGUAGE = new EnumMap<>(Map.ofEntries(
        Map.entry(UnicodeScript.HANGUL, "ko"),
        Map.entry(UnicodeScript.GREEK, "el"),
        Map.entry(UnicodeScript.HEBREW, "he"),
        Map.entry(UnicodeScript.THAI, "th"),
        Map.entry(UnicodeScript.GEORGIAN, "ka"),
        Map.entry(UnicodeScript.ARMENIAN, "hy"),
        Map.entry(UnicodeScript.KHMER, "km"),
        Map.entry(UnicodeScript.LAO, "lo"),
        Map.entry(UnicodeScript.SINHALA, "si"),
        Map.entry(UnicodeScript.TAMIL, "ta"),
        Map.entry(UnicodeScript.TELUGU, "te"),
        Map.entry(UnicodeScript.KANNADA, "kn"),
        Map.entry(UnicodeScript.MALAYALAM, "ml"),
        Map.entry(UnicodeScript.GUJARATI, "gu"),
        Map.entry(UnicodeScript.GURMUKHI, "pa")));

    private final LanguageDetector model;

    /** @param model what decides texts the script does not settle (the n-gram model behind its thresholds) */
    public ScriptLanguageDetector(final LanguageDetector model) {
        this.model = model;
    }

    @Override
    public DetectedLanguage detect(final CharSequence text) {
        if (text == null) {
            return DetectedLanguage.unknown();
        }
        final DetectedLanguage settled = byScript(text);
        return settled != null ? settled : model.detect(text);
    }

    /** The language the script settles, or null when it does not. */
    static DetectedLanguage byScript(final CharSequence text) {
        final Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        int total = 0;
        boolean ukrainian = false;
        boolean russian = false;
        boolean persian = false;
        boolean urdu = false;
        boolean otherLanguage = false;
        for (int i = 0; i < text.length(); ) {
            final int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            total++;
            letters.merge(UnicodeScript.of(c), 1, Integer::sum);
            switch (Character.toLowerCase(c)) {
                case 'і', 'ї', 'є', 'ґ' -> ukrainian = true;
                // Not ъ: Bulgarian writes it often, Russian seldom.
                case 'ы', 'э', 'ё' -> russian = true;
                case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی' -> persian = true;
                case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے' -> urdu = true;
                // Letters of other languages in these scripts: Belarusian, Serbian, Macedonian, Kazakh, Kyrgyz,
                // Tatar, Bashkir, Mongolian in Cyrillic; Kurdish, Pashto, Uyghur, Sindhi in Arabic letters.
                case 'ў', 'ј', 'љ', 'њ', 'ђ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'җ', 'ҙ',
                     'ҡ', 'ҫ', 'ڕ', 'ڵ', 'ێ', 'ۆ', 'ە', 'ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ګ', 'ڼ', 'ې', 'ۍ', 'ۈ', 'ڄ', 'ڃ',
                     'ڦ', 'ڻ' -> otherLanguage = true;
                default -> {
                }
            }
        }
        if (total == 0) {
            return null;
        }
        final int kana = letters.getOrDefault(UnicodeScript.HIRAGANA, 0) + letters.getOrDefault(UnicodeScript.KATAKANA, 0);
        final int han = letters.getOrDefault(UnicodeScript.HAN, 0);
        if (kana > 0 && settles(kana + han, total)) {
            return new DetectedLanguage("ja", 1.0);
        }
        if (settles(han, total)) {
            return new DetectedLanguage("zh", 1.0);
        }
        for (final Map.Entry<UnicodeScript, String> script : ONE_LANGUAGE.entrySet()) {
            if (settles(letters.getOrDefault(script.getKey(), 0), total)) {
                return new DetectedLanguage(script.getValue(), 1.0);
            }
        }
        if (otherLanguage) {
            return null;
        }
        if (settles(letters.getOrDefault(UnicodeScript.ARABIC, 0), total)) {
            return urdu ? new DetectedLanguage("ur", 1.0) : persian ? new DetectedLanguage("fa", 1.0)
                : new DetectedLanguage("ar", 1.0);
        }
        if (settles(letters.getOrDefault(UnicodeScript.CYRILLIC, 0), total) && ukrainian != russian) {
            return new DetectedLanguage(ukrainian ? "uk" : "ru", 1.0);
        }
        return null;
    }

    private static boolean settles(final int scriptLetters, final int total) {
        return scriptLetters >= MIN_SCRIPT_LETTERS && scriptLetters >= MIN_SCRIPT_SHARE * total;
    }
}
