package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.aWireItem;

import io.newswire.schema.WireItem;

/** Sample items and sentences for the enrichment tests (sentences at least 100 characters long). */
final class Samples {

    static final String ITALIAN = "Il governo ha presentato ieri in parlamento un nuovo piano per ridurre le tasse"
            + " sulle piccole imprese e sostenere l'occupazione giovanile nelle regioni del sud.";
    static final String ENGLISH = "The government presented a new plan to parliament yesterday to cut taxes for small"
            + " businesses and to support employment among young people in the southern regions.";
    static final String RUSSIAN = "Вчера правительство представило в парламенте новый план снижения налогов для"
            + " малого бизнеса и поддержки занятости молодёжи в южных регионах страны.";
    static final String GERMAN = "Die Regierung hat gestern im Parlament einen neuen Plan vorgestellt, um die Steuern"
            + " für kleine Unternehmen zu senken und junge Menschen im Süden zu fördern.";
    static final String FRENCH = "Le gouvernement a présenté hier au parlement un nouveau plan pour réduire les impôts"
            + " des petites entreprises et soutenir l'emploi des jeunes dans les régions du sud.";
    static final String SPANISH = "El gobierno presentó ayer en el parlamento un nuevo plan para reducir los impuestos"
            + " a las pequeñas empresas y apoyar el empleo de los jóvenes en las regiones del sur.";

    private Samples() {
    }

    static WireItem securityItem() {
        return aWireItem()
                .titled("Security Council meeting on counter-terrorism")
                .paragraph("The President held a meeting with the permanent members of the Security Council. The"
                        + " participants discussed measures against terrorism and extremism, the readiness of the"
                        + " armed forces and the military situation near the border.")
                .paragraph("Particular attention was paid to the threat of terrorist attacks and to the work of the"
                        + " special services.")
                .build();
    }

    static WireItem tradeItem() {
        return aWireItem()
                .titled("Trade turnover grew by a third")
                .paragraph("Trade between the two countries grew by 33 percent in the first half of the year."
                        + " Exports of grain and machinery rose, imports of textiles fell, and the ministers agreed to"
                        + " lower customs tariffs on agricultural goods.")
                .build();
    }

    static WireItem securityAndTradeItem() {
        return aWireItem()
                .titled("Talks on security and trade")
                .paragraph("The leaders discussed regional security, the fight against terrorism and the"
                        + " readiness of the armed forces.")
                .paragraph("They also reviewed trade: turnover is growing, exports doubled, and customs tariffs"
                        + " will be lowered.")
                .build();
    }
}
