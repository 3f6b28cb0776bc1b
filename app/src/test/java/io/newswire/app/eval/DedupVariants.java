package io.newswire.app.eval;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes that turn a corpus item into a labelled variant: re-sent with whitespace, markup and typography noise,
 * with photo captions, with a new headline and a paragraph dropped, or with an error that a correction fixes. Every
 * choice comes from the {@link Random} it is given, so a fixed seed gives the same set.
 */
final class DedupVariants {

    /** One erroneous detail in a paragraph, and the note the correction carries. */
    record Change(int paragraph, String wrongParagraph, String note, String what) {
    }

    /** The first version as sent (with the error), and the corrected version (the corpus text and a note). */
    record Correction(DedupItem first, DedupItem corrected, String what, String notePlace) {
    }

    private static final DateTimeFormatter CAPTION_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,\\-])\\d[\\d,.]*\\d(?![\\p{L}\\p{N}])"
        + "|(?<![\\p{L}\\p{N}.,\\-])\\d(?![\\p{L}\\p{N}.,])");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(January|February|March|April|May|June|July|August"
        + "|September|October|November|December) (\\d{1,2})\\b");
    /**
     * A capitalized word after another and not before a third: most often the surname of a named person ("Alexander
     * Lukashenko"), sometimes a word of a name ("Liza Alert"); a misspelling of either is what corrections fix.
     */
    private static final Pattern NAME = Pattern.compile("\\b(\\p{Lu}\\p{Ll}+) (\\p{Lu}\\p{Ll}{4,})\\b(?! \\p{Lu})");
    /** Capitalized words of titles, bodies and places rather than people: misspelling them is no name correction. */
    private static final Set<String> NOT_NAMES = Set.of("President", "Presidents", "Presidential", "Russia", "Russian",
        "Moscow", "Kremlin", "Government", "Federation", "Minister", "Ministry", "Ministers", "State", "States",
        "Council", "Prime", "Security", "Chairman", "Deputy", "Federal", "Regional", "Region", "National", "Defence",
        "Foreign", "Affairs", "Assembly", "Duma", "Union", "United", "Nations", "Republic", "Head", "Governor",
        "Director", "Committee", "Executive", "Office", "Order", "Decree", "Constitution", "Court", "Supreme", "Chief",
        "General", "Commission", "Service", "Soviet", "European", "International", "Great", "Patriotic", "World",
        "Olympic", "Games", "Acting", "Mayor", "Commissioner", "Plenipotentiary", "Envoy", "District", "Territory",
        "Central", "Eastern", "Western", "Northern", "Southern", "North", "South", "East", "West", "Caucasus",
        "Russia’s", "Republic’s", "Church", "Orthodox", "Patriarch", "Cathedral", "Palace", "Square", "Street",
        "Academy", "Sciences", "University", "Institute", "Company", "Corporation", "Fund", "Forum", "Summit", "Bank",
        "Agency", "Energy", "Economic", "Development", "Trade", "Industry", "Education", "Health", "Culture", "Sport",
        "Justice", "Interior", "Finance", "Labour", "Social", "Protection", "Agriculture", "Transport", "Natural",
        "Resources", "Ecology", "Emergencies", "Situations", "Communications", "Media", "Guard", "Troops", "Forces",
        "Armed", "Navy", "Army", "Staff", "Administration", "Chamber", "Accounts", "Prosecutor", "Investigative",
        "Electoral", "Federation’s", "Treaty", "Organisation", "Organization", "Cooperation", "Shanghai",
        "Collective", "Eurasian", "Commonwealth", "Independent", "Kingdom", "Emirates", "Arab", "Islamic", "People’s",
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Year", "Day",
        "Award", "Prize", "Hero", "Medal", "Merit", "Fatherland", "Friendship", "Honour", "Board", "Trustees",
        "Public", "Civic", "Party", "Front", "Popular", "Youth", "Children", "Veterans", "Victory",
        // Every other item names the president: a corrected spelling of his name is no realistic correction.
        "Putin", "Medvedev", "Yeltsin");

    /** Past-tense verbs of Kremlin titles and their headline present tense. */
    private static final String[][] VERBS = {
        {" met with ", " meets "}, {" met ", " meets "}, {" held a meeting with ", " meets "},
        {" had a meeting with ", " meets "}, {" had a working meeting with ", " meets "},
        {" held a working meeting with ", " meets "},
        {" had a telephone conversation with ", " holds phone talks with "},
        {" spoke by telephone with ", " holds phone talks with "},
        {" spoke by phone with ", " holds phone talks with "},
        {" had a phone conversation with ", " holds phone talks with "}, {" visited ", " visits "},
        {" attended ", " attends "}, {" signed ", " signs "}, {" sent ", " sends "},
        {" took part in ", " takes part in "},
        {" chaired ", " chairs "}, {" held ", " holds "}, {" made ", " makes "}, {" addressed ", " addresses "},
        {" arrived in ", " arrives in "}, {" presented ", " presents "}, {" congratulated ", " congratulates "},
        {" expressed ", " expresses "}, {" received ", " receives "}, {" gave ", " gives "}, {" opened ", " opens "},
        {" awarded ", " awards "}, {" thanked ", " thanks "}, {" welcomed ", " welcomes "}, {" answered ", " answers "},
    };
    private static final String[] SPACERS = {"  ", "   ", "\n", " \n", "\t", "\u00A0"};
    private static final String MARKUP_SPACE = "&nbsp;";

    private final Random random;

    DedupVariants(final Random random) {
        this.random = random;
    }

    /**
     * The same content re-sent through a sloppier system: runs of spaces, line breaks and tabs inside paragraphs,
     * no-break spaces, straight and typographic quotes swapped, soft hyphens and zero-width spaces inside words; with
     * {@code markup}, also HTML remnants ({@code <p>}, {@code <br/>}, {@code &nbsp;}, {@code &#8217;}) that cleaning
     * keeps as text.
     */
    DedupItem whitespaceMarkup(final DedupItem item, final boolean markup) {
        final List<String> paragraphs = new ArrayList<>();
        for (final String paragraph : item.paragraphs()) {
            String noisy = noise(paragraph, markup);
            if (markup && random.nextInt(10) < 6) {
                noisy = "<p>" + noisy + "</p>";
            }
            paragraphs.add(random.nextInt(4) == 0 ? " " + noisy + "\n" : noisy);
        }
        final DedupItem noisy = item.withTitle("  " + noise(item.title(), false) + " ").withParagraphs(paragraphs);
        return item.lead().isEmpty() ? noisy : noisy.withLead(noise(item.lead(), markup));
    }

    private String noise(final String text, final boolean markup) {
        final String[] words = swapQuotes(text).split(" ", -1);
        final StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out.append(spacer(words[i - 1], markup));
            }
            out.append(wordNoise(words[i], markup));
        }
        return out.toString();
    }

    private String spacer(final String previousWord, final boolean markup) {
        final boolean sentenceEnd = previousWord.endsWith(".");
        if (markup && sentenceEnd && random.nextInt(3) == 0) {
            return "<br/>";
        }
        if (markup && random.nextInt(25) == 0) {
            return MARKUP_SPACE;
        }
        final int roll = random.nextInt(100);
        if (roll < 14) {
            return SPACERS[random.nextInt(SPACERS.length)];
        }
        return roll < 17 ? " \u200B" : " ";
    }

    private String wordNoise(final String word, final boolean markup) {
        String out = word;
        if (markup && out.contains("’") && random.nextBoolean()) {
            out = out.replace("’", "&#8217;");
        }
        if (out.length() >= 8 && out.chars().allMatch(Character::isLetter) && random.nextInt(6) == 0) {
            // Soft hyphens where a typesetter would break the word; a zero-width space where a scraper left one.
            final int at = out.length() / 2;
            out = out.substring(0, at) + (random.nextBoolean() ? "\u00AD" : "\u200B") + out.substring(at);
        }
        return out;
    }

    /** Typographic apostrophes and quotes become straight ones and straight ones typographic. */
    private static String swapQuotes(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        boolean open = true;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '’' -> out.append('\'');
                case '\'' -> out.append('’');
                case '“', '”' -> out.append('"');
                case '"' -> {
                    out.append(open ? '“' : '”');
                    open = !open;
                }
                case '–' -> out.append('-');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The item with one to three photo-caption lines appended, the way a scraper picks them up: credit lines, the
     * headline or the dateline as a caption, a stuttered first word, the same caption twice.
     */
    DedupItem captions(final DedupItem item) {
        final List<String> candidates = new ArrayList<>();
        candidates.add("Photo: kremlin.ru");
        candidates.add("Photo: Presidential Press and Information Office");
        candidates.add(sentence(item.title()));
        if (!item.place().isEmpty()) {
            candidates.add(item.place() + ", " + CAPTION_DATE.format(item.day()) + ".");
        }
        final String[] titleWords = item.title().split("[ \u00A0]", 2);
        if (titleWords.length == 2) {
            candidates.add(titleWords[0] + " " + titleWords[0] + " " + sentence(titleWords[1]));
        }
        Collections.shuffle(candidates, random);
        final List<String> captions = new ArrayList<>(candidates.subList(0, 1 + random.nextInt(3)));
        if (random.nextInt(4) == 0) {
            captions.add(captions.get(captions.size() - 1));
        }
        final List<String> paragraphs = new ArrayList<>(item.paragraphs());
        paragraphs.addAll(captions);
        return item.withParagraphs(paragraphs);
    }

    private static String sentence(final String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    /** True when {@link #newTitleParagraphDropped} applies: a paragraph other than the first can go. */
    static boolean canDropParagraph(final DedupItem item) {
        return item.paragraphs().size() >= 3;
    }

    /** The item as another outlet ran it: its own headline, and one paragraph (never the first) cut. */
    DedupItem newTitleParagraphDropped(final DedupItem item) {
        final List<String> paragraphs = new ArrayList<>(item.paragraphs());
        paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
        return item.withTitle(headline(item)).withParagraphs(paragraphs);
    }

    /**
     * Kremlin titles follow a few patterns ("Meeting with …", "President Vladimir Putin met with …") that agencies
     * rewrite as a present-tense headline; a title that fits none takes the first sentence of the lead or text.
     */
    private static String headline(final DedupItem item) {
        final String title = item.title().replace('\u00A0', ' ');
        final String president = president(item.day());
        final String[][] patterns = {
            {"^Meeting with (.+)$", president + " meets $1"},
            {"^Telephone conversation with (.+)$", president + " holds phone talks with $1"},
            {"^(?:Greetings|Congratulations) to (.+)$", "Kremlin congratulates $1"},
            {"^Condolences to (.+)$", president + " sends condolences to $1"},
            {"^(.+) appointed (.+)$", "$1 named $2"},
        };
        for (final String[] pattern : patterns) {
            if (title.matches(pattern[0])) {
                return title.replaceFirst(pattern[0], pattern[1]);
            }
        }
        String rewritten = title.replaceFirst("^(?:Acting )?President (?:of Russia )?(?:Vladimir |Dmitry )?"
            + "(Putin|Medvedev) ", "$1 ").replaceFirst("^(?:Vladimir|Dmitry) (Putin|Medvedev) ", "$1 ");
        for (final String[] verb : VERBS) {
            rewritten = rewritten.replaceFirst("^(Putin|Medvedev|The President|President)" + verb[0], "$1" + verb[1]);
        }
        rewritten = rewritten.replaceFirst("^(?:The )?President ", president + " ");
        if (!rewritten.equals(title) && rewritten.startsWith(president)) {
            return rewritten;
        }
        final String source = item.lead().isEmpty() ? item.paragraphs().get(0) : item.lead();
        final String first = SENTENCE_END.split(source, 2)[0].replaceAll("[.!?]$", "");
        final int words = first.split("\\s+").length;
        if (words >= 4 && words <= 20 && !first.equalsIgnoreCase(title)) {
            return first;
        }
        final String place = item.place().isEmpty() ? "Kremlin" : item.place().replaceAll("^.*,\\s*", "");
        return place.toUpperCase(Locale.ROOT) + " – " + title;
    }

    /** Who the Kremlin's "Meeting with …" meant on {@code day}. */
    private static String president(final LocalDate day) {
        if (day.isBefore(LocalDate.of(2000, 1, 1))) {
            return "Yeltsin";
        }
        final boolean medvedev = !day.isBefore(LocalDate.of(2008, 5, 7)) && day.isBefore(LocalDate.of(2012, 5, 7));
        return medvedev ? "Medvedev" : "Putin";
    }

    /**
     * A correction of {@code item}: the first version carries an error (a figure, a date or the spelling of a name
     * changed, or the last sentence of a paragraph left out), the corrected version is the corpus text;
     * {@code alwaysNote} makes the corrected version say what it corrects, otherwise one in four corrects silently.
     */
    Optional<Correction> correction(final DedupItem item, final boolean alwaysNote) {
        final List<List<Change>> kinds = new ArrayList<>();
        for (final List<Change> changes : List.of(figures(item), dates(item), names(item), sentences(item))) {
            if (!changes.isEmpty()) {
                kinds.add(changes);
            }
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        final List<Change> chosenKind = kinds.get(random.nextInt(kinds.size()));
        final Change change = chosenKind.get(random.nextInt(chosenKind.size()));
        final List<String> wrong = new ArrayList<>(item.paragraphs());
        wrong.set(change.paragraph(), change.wrongParagraph());
        final DedupItem first = item.withParagraphs(wrong);
        final int roll = random.nextInt(4);
        final String notePlace = roll == 0 && !alwaysNote ? "none" : roll == 1 ? "first" : "last";
        final List<String> corrected = new ArrayList<>(item.paragraphs());
        if (notePlace.equals("first")) {
            corrected.add(0, change.note());
        } else if (notePlace.equals("last")) {
            corrected.add(change.note());
        }
        return Optional.of(new Correction(first, item.withParagraphs(corrected), change.what(), notePlace));
    }

    private static List<Change> figures(final DedupItem item) {
        final List<Change> changes = new ArrayList<>();
        for (int p = 0; p < item.paragraphs().size(); p++) {
            final String paragraph = item.paragraphs().get(p);
            final Matcher matcher = NUMBER.matcher(paragraph);
            while (matcher.find()) {
                final String figure = matcher.group();
                if (YEAR.matcher(figure).matches()) {
                    continue;
                }
                final String wrong = typo(figure);
                changes.add(new Change(p, replaceAt(paragraph, matcher.start(), matcher.end(), wrong),
                    "(Corrects figure in paragraph " + (p + 1) + " to " + figure + " from " + wrong + ".)", "figure"));
            }
        }
        return changes;
    }

    /** A keying error: the last two digits transposed, or the last digit one off when they are equal. */
    private static String typo(final String figure) {
        final char[] chars = figure.toCharArray();
        int last = chars.length - 1;
        while (!Character.isDigit(chars[last])) {
            last--;
        }
        int before = last - 1;
        while (before >= 0 && !Character.isDigit(chars[before])) {
            before--;
        }
        if (before >= 0 && chars[before] != chars[last] && !(before == 0 && chars[last] == '0')) {
            final char swap = chars[before];
            chars[before] = chars[last];
            chars[last] = swap;
        } else {
            chars[last] = chars[last] == '9' ? '8' : (char) (chars[last] + 1);
        }
        return new String(chars);
    }

    private static List<Change> dates(final DedupItem item) {
        final List<Change> changes = new ArrayList<>();
        for (int p = 0; p < item.paragraphs().size(); p++) {
            final String paragraph = item.paragraphs().get(p);
            final Matcher matcher = MONTH_DAY.matcher(paragraph);
            while (matcher.find()) {
                final int day = Integer.parseInt(matcher.group(2));
                if (day < 1 || day > 31) {
                    continue;
                }
                final String wrong = matcher.group(1) + " " + (day < 28 ? day + 1 : day - 1);
                changes.add(new Change(p, replaceAt(paragraph, matcher.start(), matcher.end(), wrong),
                    "(Corrects date in paragraph " + (p + 1) + " to " + matcher.group() + " from " + wrong + ".)",
                    "date"));
            }
        }
        return changes;
    }

    private static List<Change> names(final DedupItem item) {
        final List<Change> changes = new ArrayList<>();
        for (int p = 0; p < item.paragraphs().size(); p++) {
            final String paragraph = item.paragraphs().get(p);
            final Matcher matcher = NAME.matcher(paragraph);
            while (matcher.find()) {
                final String name = matcher.group(2);
                if (NOT_NAMES.contains(matcher.group(1)) || NOT_NAMES.contains(name)) {
                    continue;
                }
                // Two inner letters transposed: the commonest misspelling of a transliterated name.
                final int at = name.length() / 2;
                if (name.charAt(at - 1) == name.charAt(at)) {
                    continue;
                }
                final String wrong = name.substring(0, at - 1) + name.charAt(at) + name.charAt(at - 1)
                    + name.substring(at + 1);
                changes.add(new Change(p, paragraph.replaceAll("\\b" + Pattern.quote(name) + "\\b", wrong),
                    "(Corrects spelling of " + name + " in paragraph " + (p + 1) + ".)", "spelling"));
            }
        }
        return changes;
    }

    private static List<Change> sentences(final DedupItem item) {
        final List<Change> changes = new ArrayList<>();
        for (int p = 0; p < item.paragraphs().size(); p++) {
            final String[] sentences = SENTENCE_END.split(item.paragraphs().get(p));
            // "Mr. J. Carter" splits too: a first version that keeps a stub or drops a stub is no realistic error.
            if (sentences.length >= 2 && words(sentences[0]) >= 5 && words(sentences[sentences.length - 1]) >= 5) {
                final String kept = String.join(" ", List.of(sentences).subList(0, sentences.length - 1));
                changes.add(new Change(p, kept,
                    "(Adds the last sentence of paragraph " + (p + 1) + ", left out of the first version.)",
                    "sentence"));
            }
        }
        return changes;
    }

    private static int words(final String text) {
        return text.split("\\s+").length;
    }

    private static String replaceAt(final String text, final int start, final int end, final String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
