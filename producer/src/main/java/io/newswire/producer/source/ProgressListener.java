package io.newswire.producer.source;

/**
 * Hears how far a run over many inputs has got, so the command line can show progress to people (instead of logging
 * line by line). Called from the thread that reads the inputs, once before the first file and once after each.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that shows nothing. */
    ProgressListener NONE = progress -> {
    };

    void onProgress(Progress progress);

    /**
     * How far a run has got.
     *
     * @param filesDone  files finished (read, parsed and handed on, or rejected)
     * @param filesTotal files the run will read
     * @param items      items parsed so far
     * @param rejects    files and lines rejected so far
     * @param current    the name of the file just finished, or null before the first
     */
    record Progress(int filesDone, int filesTotal, long items, long rejects, String current) {
    }
}
