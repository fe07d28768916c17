package dev.lazurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.tls.LocalCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description = "Where the local CA certificate is, and how to make clients trust it.")
final class CertCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var format = output.format();
    var query = output.expression();
    var files = new LocalCertificates.Files(client.dataDirectory().resolve("tls").toAbsolutePath());
    if (!Files.exists(files.caCert())) {
      throw new IllegalStateException(
          "no local CA in "
              + files.directory()
              + "; start `lazurite serve` once (with an HTTPS port) to create it");
    }
    Path ca = files.caCert();
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("caCertFile", ca.toString());
    out.put("serverCertFile", files.serverCert().toString());
    out.put("javaTruststore", files.truststore().toString());
    out.put("javaTruststorePassword", LocalCertificates.TRUSTSTORE_PASSWORD);
    ObjectNode trust = out.putObject("trust");
    trust.put(
        "java",
        "-Djavax.net.ssl.trustStore="
            + files.truststore()
            + " -Djavax.net.ssl.trustStorePassword="
            + LocalCertificates.TRUSTSTORE_PASSWORD
            + " -Djavax.net.ssl.trustStoreType=PKCS12");
    trust.put("node", "export NODE_EXTRA_CA_CERTS=" + ca);
    trust.put("python", "export REQUESTS_CA_BUNDLE=" + ca + " SSL_CERT_FILE=" + ca);
    trust.put("curl", "curl --cacert " + ca + " https://localhost:8443/...");
    Output.print(spec.commandLine().getOut(), out, format, query, Terminal.interactive());
    return 0;
  }
}
