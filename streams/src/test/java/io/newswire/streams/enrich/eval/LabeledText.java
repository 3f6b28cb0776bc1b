package io.newswire.streams.enrich.eval;

/** A text whose language is known (or, for Europarl, agreed by an independent labeller), for measuring detectors. */
record LabeledText(String dataset, String language, String text) {
}
