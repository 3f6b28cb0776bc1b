package io.newswire.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.newswire.app.Console;
import io.newswire.app.pipeline.KafkaTarget;
import io.newswire.broker.LocalSecurity;
import io.newswire.broker.SecurityMode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker with mTLS ({@code ssl.client.auth=required}): a client with a certificate from the local CA gets
 * in as the principal of its CN, one without a certificate is refused with a clear TLS error, and a restart on the
 * same data folder reuses the material.
 */
class MutualTlsBrokerIT {

    @TempDir
    Path data;

    @Test
    void shouldAdmitCertificateHoldersOnlyAndReuseTheMaterialOnRestart() throws Exception {
        final LocalSecurity security = LocalSecurity.prepare(data.resolve("security"), SecurityMode.MTLS);
        final Set<String> secrets = security.secrets();
        try (KafkaTarget kafka = KafkaTarget.embedded(data.resolve("kafka"), 0, security, Console.system())) {
            assertThat(clusterNodes(kafka.clientProperties(new Properties()))).isEqualTo(1);

            final Properties withoutCertificate = new Properties();
            withoutCertificate.putAll(kafka.clientProperties(new Properties()));
            withoutCertificate.remove("ssl.keystore.location");
            withoutCertificate.remove("ssl.keystore.password");
            withoutCertificate.remove("ssl.key.password");
            withoutCertificate.remove("ssl.keystore.type");
            assertThat(SecuredPipelineIT.assertRefusedQuickly(withoutCertificate, "mTLS client without a certificate"))
                .contains("SslAuthenticationException");

            final Properties reader = security.clientSecurity(LocalSecurity.READER);
            reader.setProperty("bootstrap.servers", kafka.bootstrapServers());
            try (Admin admin = Admin.create(reader)) {
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values()
                    .toCompletionStage().handle((acls, error) -> error).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .as("User:newswire-reader is no super user: it may not list ACLs")
                    .isInstanceOf(ClusterAuthorizationException.class);
            }
        }

        final LocalSecurity again = LocalSecurity.prepare(data.resolve("security"), SecurityMode.MTLS);
        assertThat(again.secrets()).isEqualTo(secrets);
        try (KafkaTarget kafka = KafkaTarget.embedded(data.resolve("kafka"), 0, again, Console.system())) {
            assertThat(clusterNodes(kafka.clientProperties(new Properties()))).isEqualTo(1);
        }
    }

    private static int clusterNodes(final Properties client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        }
    }
}
