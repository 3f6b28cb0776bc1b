package io.newswire.producer.parse;

import java.util.ArrayList;
import java.util.List;

/** Builds .txt transcripts of the seed's shape for tests: {@code aTranscript().titled("…").paragraph("…").build()}. */
final class TranscriptBuilder {

    private String title = "Russia/Kazakistan - Incontro tra Putin e Tokayev";
    private String dateline = "Mosca, 21 agosto 2021 - ";
    private final List<String> paragraphs = new ArrayList<>();
    private String sourceLine;
    private final List<String> captions = new ArrayList<>();
    private String lineBreak = "\n";

    private TranscriptBuilder() {
    }

    static TranscriptBuilder aTranscript() {
        return new TranscriptBuilder();
    }

    TranscriptBuilder titled(final String text) {
        this.title = text;
        return this;
    }

    TranscriptBuilder untitled() {
        return titled(null);
    }

    /** The dateline that opens the first paragraph, e.g. "Mosca, 21 agosto 2021 - "; null for none. */
    TranscriptBuilder dateline(final String text) {
        this.dateline = text;
        return this;
    }

    TranscriptBuilder paragraph(final String text) {
        paragraphs.add(text);
        return this;
    }

    TranscriptBuilder turn(final String speaker, final String text) {
        return paragraph(speaker + ": " + text);
    }

    TranscriptBuilder source(final String name) {
        this.sourceLine = "(Fonte: " + name + ")";
        return this;
    }

    TranscriptBuilder caption(final String text) {
        captions.add(text);
        return this;
    }

    TranscriptBuilder windowsLineBreaks() {
        this.lineBreak = "\r\n";
        return this;
    }

    String build() {
        final List<String> blocks = new ArrayList<>();
        if (title != null) {
            blocks.add(title);
        }
        for (int index = 0; index < paragraphs.size(); index++) {
            blocks.add(index == 0 && dateline != null ? dateline + paragraphs.get(index) : paragraphs.get(index));
        }
        if (sourceLine != null) {
            blocks.add(sourceLine);
        }
        blocks.addAll(captions);
        return String.join(lineBreak + lineBreak, blocks) + lineBreak;
    }
}
