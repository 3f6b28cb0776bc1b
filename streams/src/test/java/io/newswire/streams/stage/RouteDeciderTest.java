package io.newswire.streams.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newswire.schema.TopicScore;
import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;

class RouteDeciderTest {

    @Test
    void shouldRouteAnItemToTheRouteOfItsTopic() {
        final RouteDecider decider = new RouteDecider(PipelineConfig.defaults().routes());

        assertThat(decider.routesFor(topics("security"))).containsExactly("security");
    }

    @Test
    void shouldReportSeveralRoutesInConfigOrderWhateverTheTopicsOrder() {
        final Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("trade", Set.of("trade"));
        routes.put("security", Set.of("security"));
        routes.put("energy", Set.of("energy"));
        final RouteDecider decider = new RouteDecider(routes);

        assertThat(decider.routesFor(topics("energy", "security", "trade")))
            .containsExactly("trade", "security", "energy");
        assertThat(decider.routesFor(topics("energy", "trade"))).containsExactly("trade", "energy");
    }

    @Test
    void shouldSendAnItemToEveryRouteListingOneOfItsTopics() {
        final Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("defence-desk", Set.of("security", "diplomacy"));
        routes.put("business-desk", Set.of("trade", "economy", "energy"));
        routes.put("sport-desk", Set.of("sport"));
        final RouteDecider decider = new RouteDecider(routes);

        assertThat(decider.routesFor(topics("diplomacy", "energy"))).containsExactly("defence-desk", "business-desk");
    }

    @Test
    void shouldRouteAnItemMatchingNoRouteToGeneral() {
        final RouteDecider decider = new RouteDecider(PipelineConfig.defaults().routes());

        assertThat(decider.routesFor(topics("weather"))).containsExactly(RouteDecider.GENERAL);
        assertThat(decider.routesFor(List.of())).containsExactly("general");
    }

    @Test
    void shouldSendATechnologyItemToGeneralByDefaultAndToATechnologyRouteWhereOneIsConfigured() {
        assertThat(new RouteDecider(PipelineConfig.defaults().routes()).routesFor(topics("technology")))
            .containsExactly(RouteDecider.GENERAL);
        assertThat(new RouteDecider(PipelineConfig.defaults().routes()).routesFor(topics("technology", "economy")))
            .containsExactly("economy");

        final Map<String, Set<String>> routes = new LinkedHashMap<>(PipelineConfig.defaults().routes());
        routes.put("technology", Set.of("technology"));
        assertThat(new RouteDecider(routes).routesFor(topics("technology"))).containsExactly("technology");
    }

    @Test
    void shouldRouteEverythingToGeneralWithoutRoutes() {
        assertThat(new RouteDecider(Map.of()).routesFor(topics("security"))).containsExactly("general");
    }

    @Test
    void shouldRejectARouteNamedGeneral() {
        final Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("security", Set.of("security"));
        routes.put("general", Set.of("culture"));

        assertThatThrownBy(() -> new RouteDecider(routes))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'general' is reserved for items that match no route; give the route another name");
    }

    @Test
    void shouldNotChangeWhenTheConfiguredMapChangesLater() {
        final Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("security", Set.of("security"));
        final RouteDecider decider = new RouteDecider(routes);

        routes.put("trade", Set.of("security"));

        assertThat(decider.routesFor(topics("security"))).containsExactly("security");
    }

    private static List<TopicScore> topics(final String... names) {
        final List<TopicScore> scores = new ArrayList<>();
        double score = 0.9;
        for (final String name : names) {
            scores.add(TopicScore.newBuilder().setName(name).setScore(score).build());
            score -= 0.1;
        }
        return scores;
    }
}
