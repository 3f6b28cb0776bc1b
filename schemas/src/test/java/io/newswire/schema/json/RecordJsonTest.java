package io.newswire.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.schema.Records;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    @Test
    void shouldRenderUnionsWithoutWrappers() {
        final JsonNode json = RecordJson.toJson(Records.anEnrichedItem());

        assertThat(json.get("title").asText()).isEqualTo("Russia/Kazakistan - Incontro tra Putin e Tokayev");
        assertThat(json.get("dateline").get("place").asText()).isEqualTo("Mosca");
        assertThat(json.get("duplicate_of").isNull()).isTrue();
        assertThat(json.get("source").get("url").isNull()).isTrue();
        assertThat(json.get("entities").get("countries")).hasSize(2);
        assertThat(json.get("topics").get(0).get("score").asDouble()).isEqualTo(0.8);
    }

    @Test
    void shouldRenderTimestampsAsIsoInstantsAndBytesAsBase64() {
        assertThat(RecordJson.toJson(Records.anEnrichedItem()).get("enriched_at").asText())
            .isEqualTo("2021-08-21T12:00:00Z");
        assertThat(RecordJson.toJson(Records.aDeadLetter()).get("original").asText()).isEqualTo("AQID");
    }

    @Test
    void shouldRenderOneLineOfValidJson() throws Exception {
        final String line = RecordJson.toJsonLine(Records.aWireItem());

        assertThat(line).doesNotContain("\n");
        assertThat(new ObjectMapper().readTree(line).get("id").asText()).isEqualTo("sha256:abc");
    }
}
