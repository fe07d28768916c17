package dev.lazurite.testing;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.LazuriteServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A real Lazurite server on random ports in a fresh data directory, for tests. */
public final class TestingServer implements AutoCloseable {
  /** Trained once for every test server in the JVM. */
  private static final ShippedClassifier SHIPPED_CLASSIFIER = new ShippedClassifier();

  private final LazuriteServer server;
  private final String key;

  private TestingServer(LazuriteServer server) {
    this.server = server;
    this.key = server.defaultKeys().key1();
  }

  /** The embedded classifier every test server shares, for tests that start servers directly. */
  public static ShippedClassifier shippedClassifier() {
    return SHIPPED_CLASSIFIER;
  }

  public static TestingServer start() {
    return start(UnaryOperator.identity());
  }

  /** A server whose environment is empty: the developer's {@code LAZURITE_*} settings stay out. */
  public static TestingServer start(UnaryOperator<ServerConfig> customize) {
    return start(customize, name -> null);
  }

  /**
   * @param environment the {@code LAZURITE_*} settings beyond the server configuration (failover,
   *     safety, outbound, scale-out, edge, identity, search) and the variables upstream keys are
   *     read from; the value of a variable, or null when it is unset
   */
  public static TestingServer start(
      UnaryOperator<ServerConfig> customize,
      java.util.function.Function<String, String> environment) {
    try {
      Path dir = Files.createTempDirectory("lazurite-test");
      ServerConfig settings =
          ConfigLoader.load(Map.of("dataDir", dir.toString()), environment, Optional.empty());
      ServerConfig config =
          ServerConfig.forTesting(dir)
              .withFailover(settings.failover())
              .withSafety(settings.safety())
              .withOutbound(settings.outbound())
              .withScaleOut(settings.scaleOut())
              .withEdge(settings.edge())
              .withIdentity(settings.identity())
              .withSearch(settings.search())
              .withFiles(settings.files());
      return new TestingServer(
          LazuriteServer.start(
              customize.apply(config),
              Clock.systemUTC(),
              UpstreamSecrets.of(environment),
              SHIPPED_CLASSIFIER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LazuriteServer server() {
    return server;
  }

  /** The plain HTTP endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return server.endpoint().toString();
  }

  public String httpsEndpoint() {
    return server.httpsEndpoint().orElseThrow().toString();
  }

  public String key() {
    return server.defaultKeys().key1();
  }

  public TestingHttp http() {
    return new TestingHttp(endpoint(), key());
  }

  /** Creates or replaces a deployment in the default account. */
  public void deploy(dev.lazurite.control.DeploymentRequest request) {
    var control = server.control();
    control.putDeployment(
        control.account(
            server.subscriptionId(),
            dev.lazurite.control.Bootstrap.DEFAULT_RESOURCE_GROUP,
            dev.lazurite.control.Bootstrap.DEFAULT_ACCOUNT),
        request);
  }

  /** A deployment of {@code model} served by an openai-compatible upstream. */
  public void deployUpstream(
      String name, String model, String url, String upstreamModel, String keyEnv) {
    deploy(
        new dev.lazurite.control.DeploymentRequest(
            name,
            model,
            "",
            "GlobalStandard",
            100,
            "",
            "",
            java.util.Optional.of(
                new dev.lazurite.backend.BackendSpec(
                    dev.lazurite.backend.BackendKind.OPENAI_COMPATIBLE,
                    url,
                    upstreamModel,
                    keyEnv))));
  }

  /** TLS that trusts only this server's local CA, as a client given `lazurite cert` would. */
  public javax.net.ssl.SSLContext trustingLocalCa() {
    try {
      var trust = java.security.KeyStore.getInstance("PKCS12");
      var files = new dev.lazurite.tls.LocalCertificates.Files(dataDir().resolve("tls"));
      try (var in = Files.newInputStream(files.truststore())) {
        trust.load(in, dev.lazurite.tls.LocalCertificates.TRUSTSTORE_PASSWORD.toCharArray());
      }
      var factory =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      var tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(null, factory.getTrustManagers(), null);
      return tls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dataDir() {
    return server.dataDir();
  }

  @Override
  public void close() {
    server.close();
  }
}
