package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CaptionRepairTest {

    private final CaptionRepair repair = new CaptionRepair();

    @Test
    void shouldRemoveAStutteredFirstWordAndSayWhich() {
        final CaptionRepair.Result result = repair.repair(List.of("Con Con il presidente."));

        assertThat(result.captions()).containsExactly("Con il presidente.");
        assertThat(result.repairs()).containsExactly("caption 1: removed stuttered word \"Con\"");
    }

    @Test
    void shouldKeepCaptionsThatOnlyDifferInTypographyOnce() {
        final CaptionRepair.Result result = repair.repair(List.of("Putin e Tokayev \u2013 Mosca.",
            "Foto di gruppo.", "Putin  e Tokayev - Mosca."));

        assertThat(result.captions()).containsExactly("Putin e Tokayev \u2013 Mosca.", "Foto di gruppo.");
        assertThat(result.repairs()).containsExactly("caption 3: dropped, same as caption 1");
    }

    @Test
    void shouldLeaveRepeatedWordsInsideACaption() {
        final CaptionRepair.Result result = repair.repair(List.of("Il presidente presidente Tokayev.",
            "Concerto concertato."));

        assertThat(result.captions()).containsExactly("Il presidente presidente Tokayev.", "Concerto concertato.");
        assertThat(result.repairs()).isEmpty();
    }
}
