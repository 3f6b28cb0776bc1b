# The newswire command line as an image: `docker build -t newswire .`
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /opt/newswire newswire && mkdir -p /inbox /var/lib/newswire \
    && chown newswire /inbox /var/lib/newswire
COPY --from=build /src/app/target/newswire.jar /opt/newswire/newswire.jar
USER newswire
# DJL_CACHE_DIR: where the Chinese second stage's tokenizer unpacks its native library (by default ~/.djl.ai, and
# this user's home is not writable). Avro's decoder limits sized to newswire's 16 MiB records (io.newswire.schema.config.AvroLimits), read when Avro loads.
ENV JAVA_TOOL_OPTIONS="-Xms256m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
-Dorg.apache.avro.limits.bytes.maxLength=16777216 -Dorg.apache.avro.limits.string.maxLength=16777216 \
-Dorg.apache.avro.limits.collectionItems.maxLength=16777216" \
    MALLOC_ARENA_MAX=2 \
    NEWSWIRE_KAFKA_STATE_DIR=/var/lib/newswire/streams \
    DJL_CACHE_DIR=/var/lib/newswire/djl
ENTRYPOINT ["java", "-jar", "/opt/newswire/newswire.jar"]
CMD ["--help"]
