package io.newswire.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local certificate authority and the PKCS12 keystores it issues: the broker's (server and client use, valid for
 * localhost) and one per client principal (client use; the principal is the certificate's CN).
 *
 * <p>Why BouncyCastle's PKIX builder and not the JDK's {@code keytool}: the JDK has no public API to build or sign a
 * certificate, and keytool would mean about three child JVMs per certificate (genkeypair, certreq, gencert,
 * importcert), seconds of start-up each and passwords on their command lines, visible to every local user in the
 * process list. BouncyCastle is the library the JDK world uses for this; only its certificate builder is used (the
 * keys, signatures and keystores are the JDK's own providers), so no security provider is registered.
 */
final class LocalCertificates {

    private static final String KEY_ALGORITHM = "EC";
    private static final String CURVE = "secp256r1";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final String KEYSTORE_TYPE = "PKCS12";
    private static final String CA_ALIAS = "newswire-local-ca";
    /** Local material for a developer's machine: long enough never to expire under a running pipeline. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final SecureRandom random = new SecureRandom();
    private final PrivateKey caKey;
    private final X509Certificate caCertificate;

    private LocalCertificates(final PrivateKey caKey, final X509Certificate caCertificate) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
    }

    /** A new CA with a self-signed certificate named {@code CN=<name>}. */
    static LocalCertificates newAuthority(final String name) {
        final LocalCertificates unsigned = new LocalCertificates(null, null);
        final KeyPair pair = unsigned.newKeyPair();
        final X500Name subject = new X500Name("CN=" + name);
        try {
            final X509v3CertificateBuilder builder = unsigned.builder(subject, subject, pair);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            final X509Certificate certificate = sign(builder, pair.getPrivate());
            return new LocalCertificates(pair.getPrivate(), certificate);
        } catch (final CertIOException e) {
            throw new IllegalStateException("cannot build the local CA certificate: " + e.getMessage(), e);
        }
    }

    /** The CA stored by {@link #saveAuthority}. */
    static LocalCertificates loadAuthority(final Path keystore, final char[] password) {
        final KeyStore store = load(keystore, password);
        try {
            final PrivateKey key = (PrivateKey) store.getKey(CA_ALIAS, password);
            final X509Certificate certificate = (X509Certificate) store.getCertificate(CA_ALIAS);
            if (key == null || certificate == null) {
                throw new IllegalStateException("the keystore " + keystore + " holds no local CA (alias " + CA_ALIAS
                    + "): delete the security folder to create new material");
            }
            return new LocalCertificates(key, certificate);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the local CA from " + keystore + " (" + e.getClass()
                .getSimpleName() + "): delete the security folder to create new material", e);
        }
    }

    void saveAuthority(final Path keystore, final char[] password) {
        save(keystore, password, CA_ALIAS, caKey, new Certificate[] {caCertificate});
    }

    /** A truststore holding only this CA's certificate. */
    void saveTruststore(final Path truststore, final char[] password) {
        try {
            final KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(null, null);
            store.setCertificateEntry(CA_ALIAS, caCertificate);
            write(store, truststore, password);
        } catch (final GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    /**
     * A keystore with a new key and a certificate {@code CN=<name>} issued by this CA.
     *
     * @param hosts host names and addresses the certificate is valid for (a server's), or none (a client's)
     */
    void issue(final Path keystore, final char[] password, final String name, final List<String> hosts) {
        final KeyPair pair = newKeyPair();
        try {
            final X509v3CertificateBuilder builder = builder(new X500Name(caCertificate.getSubjectX500Principal()
                .getName()), new X500Name("CN=" + name), pair);
            final JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(caCertificate));
            if (!hosts.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(hosts));
            }
            final X509Certificate certificate = sign(builder, caKey);
            save(keystore, password, name, pair.getPrivate(), new Certificate[] {certificate, caCertificate});
        } catch (final CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the certificate of " + name + ": " + e.getMessage(), e);
        }
    }

    private static GeneralNames subjectAlternativeNames(final List<String> hosts) {
        final GeneralName[] names = hosts.stream()
            .map(host -> isAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
                : new GeneralName(GeneralName.dNSName, host))
            .toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private static boolean isAddress(final String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private X509v3CertificateBuilder builder(final X500Name issuer, final X500Name subject, final KeyPair pair) {
        final Instant now = Instant.now();
        // Backdated a little, so that a clock a minute behind does not find the certificate not yet valid.
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
        } catch (final OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate with " + SIGNATURE + ": " + e.getMessage(), e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make " + CURVE + " keys: " + e.getMessage(), e);
        }
    }

    private static void save(final Path keystore, final char[] password, final String alias, final PrivateKey key,
                             final Certificate[] chain) {
        try {
            final KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            write(store, keystore, password);
        } catch (final GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static void write(final KeyStore store, final Path file, final char[] password)
        throws IOException, GeneralSecurityException {
        try (OutputStream out = OwnerOnlyFiles.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static KeyStore load(final Path keystore, final char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            final KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(in, password);
            return store;
        } catch (final IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the keystore " + keystore + " (" + e.getClass().getSimpleName()
                + "): delete the security folder to create new material", e);
        }
    }

    /** Fails early on a JDK without the loopback addresses the broker certificate names. */
    static List<String> loopbackHosts() {
        return List.of("localhost", InetAddress.getLoopbackAddress().getHostAddress(), "127.0.0.1", "::1")
            .stream().distinct().toList();
    }
}
