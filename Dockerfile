# Lockstream image: one image, every service; choose with --services (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY common common
COPY policy policy
COPY kms kms
COPY ingest ingest
COPY encryptor encryptor
COPY query query
COPY server server
# The parent lists every module, so the reactor needs them all present even when building only the server.
COPY bench bench
RUN mvn -B -q -DskipTests package -pl server -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/lockstream lockstream && mkdir -p /var/lib/lockstream \
    && chown lockstream /var/lib/lockstream
COPY --from=build /src/server/target/lockstream.jar /opt/lockstream/lockstream.jar
USER lockstream
WORKDIR /var/lib/lockstream
EXPOSE 4566
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/lockstream/lockstream.jar"]
CMD ["--bind", "0.0.0.0", "--data-dir", "/var/lib/lockstream"]
