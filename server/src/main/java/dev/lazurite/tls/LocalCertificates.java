package dev.lazurite.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS listener's certificate. With none configured, Lazurite keeps a local CA in the data
 * directory and issues a server certificate for localhost, the loopback addresses and the
 * configured host names; clients trust the CA once. A PEM certificate and key can be given instead.
 */
public final class LocalCertificates {
  public static final String TRUSTSTORE_PASSWORD = "changeit";

  private LocalCertificates() {}

  /** The files of a local CA and the server certificate it issued. */
  public record Files(Path directory) {
    public Path caCert() {
      return directory.resolve("ca.pem");
    }

    public Path caKey() {
      return directory.resolve("ca-key.pem");
    }

    public Path serverCert() {
      return directory.resolve("server.pem");
    }

    public Path serverKey() {
      return directory.resolve("server-key.pem");
    }

    public Path truststore() {
      return directory.resolve("truststore.p12");
    }
  }

  /** A private key and the certificate chain that goes with it. */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
      chain = List.copyOf(chain);
    }
  }

  /** Loads, or creates on first use, the local CA and a server certificate naming {@code hosts}. */
  public static Identity localIdentity(Path directory, List<String> hosts) throws IOException {
    var files = new Files(directory);
    java.nio.file.Files.createDirectories(directory);
    try {
      if (!java.nio.file.Files.exists(files.caCert())
          || !java.nio.file.Files.exists(files.caKey())) {
        KeyPair ca = keyPair();
        X509Certificate caCert =
            issue(ca, ca, "CN=Lazurite Local CA", "CN=Lazurite Local CA", true, Set.of());
        writePem(files.caCert(), caCert, false);
        writePem(files.caKey(), ca.getPrivate(), true);
        writeTruststore(files.truststore(), caCert);
      }
      X509Certificate caCert = readCertificate(files.caCert());
      PrivateKey caKey = readKey(files.caKey());
      Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
      names.addAll(hosts);
      if (!java.nio.file.Files.exists(files.serverCert())
          || !coversAll(readCertificate(files.serverCert()), names)) {
        KeyPair server = keyPair();
        X509Certificate cert =
            issue(
                server,
                new KeyPair(caCert.getPublicKey(), caKey),
                "CN=Lazurite Local CA",
                "CN=localhost",
                false,
                names);
        writePem(files.serverCert(), cert, false);
        writePem(files.serverKey(), server.getPrivate(), true);
      }
      if (!java.nio.file.Files.exists(files.truststore())) {
        writeTruststore(files.truststore(), caCert);
      }
      return new Identity(
          readKey(files.serverKey()), List.of(readCertificate(files.serverCert()), caCert));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot create the local certificates in " + directory, e);
    }
  }

  /**
   * A certificate for {@code names} issued by the local CA in {@code directory}, kept in memory
   * (for listeners such as private endpoints). The CA must exist: the main listener creates it.
   */
  public static Identity issue(Path directory, Set<String> names) throws IOException {
    var files = new Files(directory);
    try {
      X509Certificate caCert = readCertificate(files.caCert());
      PrivateKey caKey = readKey(files.caKey());
      KeyPair server = keyPair();
      X509Certificate cert =
          issue(
              server,
              new KeyPair(caCert.getPublicKey(), caKey),
              "CN=Lazurite Local CA",
              "CN=" + names.iterator().next(),
              false,
              new LinkedHashSet<>(names));
      return new Identity(server.getPrivate(), List.of(cert, caCert));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot issue a certificate from the local CA in " + directory, e);
    }
  }

  /** Loads a configured PEM certificate chain and key. */
  public static Identity fromPem(Path certificate, Path key) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = java.nio.file.Files.newInputStream(certificate)) {
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) cert);
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read certificate " + certificate, e);
    }
    if (chain.isEmpty()) {
      throw new IOException("no certificate found in " + certificate);
    }
    return new Identity(readKey(key), chain);
  }

  private static boolean coversAll(X509Certificate cert, Set<String> names)
      throws GeneralSecurityException {
    if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(7)))) {
      return false;
    }
    Set<String> present = new LinkedHashSet<>();
    var alternatives = cert.getSubjectAlternativeNames();
    if (alternatives != null) {
      for (List<?> entry : alternatives) {
        present.add(String.valueOf(entry.get(1)));
      }
    }
    for (String name : names) {
      if (!present.contains(name) && !present.contains(normalizeIp(name))) {
        return false;
      }
    }
    return true;
  }

  private static String normalizeIp(String name) {
    try {
      return isIp(name) ? InetAddress.getByName(name).getHostAddress() : name;
    } catch (IOException e) {
      return name;
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate issue(
      KeyPair subject,
      KeyPair issuer,
      String issuerName,
      String subjectName,
      boolean ca,
      Set<String> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuerName),
            new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(ca ? 3650 : 825))),
            new X500Name(subjectName),
            subject.getPublic());
    var extensions = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(subject.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        extensions.createAuthorityKeyIdentifier(issuer.getPublic()));
    if (ca) {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    } else {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      List<GeneralName> alternatives = new ArrayList<>();
      for (String name : names) {
        alternatives.add(
            new GeneralName(isIp(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(alternatives.toArray(GeneralName[]::new)));
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static boolean isIp(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  private static void writePem(Path path, Object value, boolean secret) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(
          value instanceof PrivateKey key
              ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null)
              : value);
    }
    java.nio.file.Files.writeString(path, text.toString(), StandardCharsets.US_ASCII);
    if (secret) {
      OwnerOnly.restrict(path);
    }
  }

  private static void writeTruststore(Path path, X509Certificate ca)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("lazurite-local-ca", ca);
    try (OutputStream out = java.nio.file.Files.newOutputStream(path)) {
      store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
    }
  }

  private static X509Certificate readCertificate(Path path)
      throws IOException, GeneralSecurityException {
    try (InputStream in = java.nio.file.Files.newInputStream(path)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /**
   * Reads a PEM private key: PKCS#8 ({@code PRIVATE KEY}, what Lazurite writes) with the JDK's own
   * parser, other forms ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}) with BouncyCastle.
   */
  private static PrivateKey readKey(Path path) throws IOException {
    String pem = java.nio.file.Files.readString(path, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = pem.indexOf(begin);
    if (start >= 0) {
      int end = pem.indexOf("-----END PRIVATE KEY-----", start);
      byte[] der =
          Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end).strip());
      for (String algorithm : new String[] {"EC", "RSA"}) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
          // Try the next algorithm.
        }
      }
    }
    try (Reader reader = new java.io.StringReader(pem);
        PEMParser parser = new PEMParser(reader)) {
      Object item = parser.readObject();
      var converter = new JcaPEMKeyConverter();
      return switch (item) {
        case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
        case PrivateKeyInfo info -> converter.getPrivateKey(info);
        case null, default -> throw new IOException("no private key found in " + path);
      };
    }
  }
}
