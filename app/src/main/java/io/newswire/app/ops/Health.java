package io.newswire.app.ops;

/**
 * What {@code /health/live} and {@code /health/ready} answer for a process: live while it can do its work (a
 * supervisor restarts it otherwise), ready while it is doing it well enough to take traffic or count as caught up.
 */
public interface Health {

    /** A process that is up once started: the broker, the producer. */
    Health UP = new Health() {
        @Override
        public Verdict live() {
            return Verdict.up("running");
        }

        @Override
        public Verdict ready() {
            return Verdict.up("running");
        }
    };

    /** An answer and why, for the response body. */
    record Verdict(boolean up, String reason) {

        public static Verdict up(final String reason) {
            return new Verdict(true, reason);
        }

        public static Verdict down(final String reason) {
            return new Verdict(false, reason);
        }
    }

    Verdict live();

    Verdict ready();
}
