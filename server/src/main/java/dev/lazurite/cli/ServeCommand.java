package dev.lazurite.cli;

import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the service. Each option can also be set by environment (LAZURITE_PORT …) or in the --config YAML file.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      description = "Address to listen on (LAZURITE_HOST; default 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "HTTP port (LAZURITE_PORT; default 8080; 0 for any).")
  String port;

  @Option(
      names = "--https-port",
      description = "HTTPS port (LAZURITE_HTTPS_PORT; default 8443; -1 for none).")
  String httpsPort;

  @Option(
      names = "--data-dir",
      description = "Data directory (LAZURITE_DATA_DIR; default ./lazurite-data).")
  String dataDir;

  @Option(names = "--config", description = "YAML configuration file (LAZURITE_CONFIG).")
  Path config;

  @Option(
      names = "--tls-cert",
      description = "PEM certificate chain for HTTPS (LAZURITE_TLS_CERT).")
  String tlsCert;

  @Option(names = "--tls-key", description = "PEM private key for HTTPS (LAZURITE_TLS_KEY).")
  String tlsKey;

  @Option(
      names = "--tls-host",
      split = ",",
      description = "Extra host names for the local certificate (LAZURITE_TLS_HOSTS).")
  List<String> tlsHosts;

  @Option(
      names = "--region",
      description = "Azure location of the default resource (LAZURITE_REGION; default eastus).")
  String region;

  @Option(
      names = "--max-body-bytes",
      description = "Largest request body accepted (LAZURITE_MAX_BODY_BYTES; default 16 MiB).")
  String maxBodyBytes;

  @Option(
      names = "--usage-durability",
      description =
          "async (default): usage records are committed just after the response; strict: each"
              + " response waits until its usage record is committed (LAZURITE_USAGE_DURABILITY).")
  String usageDurability;

  @Option(
      names = "--http-idle-timeout-ms",
      description =
          "Close a connection that sends no request line for this long (LAZURITE_HTTP_IDLE_TIMEOUT_MS;"
              + " default 60000).")
  String httpIdleTimeoutMs;

  @Option(
      names = "--http-header-timeout-ms",
      description =
          "Close a connection whose headers take longer than this (LAZURITE_HTTP_HEADER_TIMEOUT_MS;"
              + " default 10000).")
  String httpHeaderTimeoutMs;

  @Option(
      names = "--http-body-timeout-ms",
      description =
          "Refuse a request body that takes longer than this to arrive"
              + " (LAZURITE_HTTP_BODY_TIMEOUT_MS; default 120000).")
  String httpBodyTimeoutMs;

  @Option(
      names = "--http-max-connections",
      description =
          "Open connections over all listeners before new ones are shed with a 503"
              + " (LAZURITE_HTTP_MAX_CONNECTIONS; default 0: from the file-descriptor limit).")
  String httpMaxConnections;

  @Option(
      names = "--redis-url",
      description =
          "Share quota counters with other instances through Redis (LAZURITE_REDIS_URL), e.g."
              + " redis://host:6379.")
  String redisUrl;

  @Option(
      names = "--endpoint-host-template",
      description =
          "Give each resource its own host name, e.g. '{name}.openai.example.internal', for"
              + " wildcard DNS and certificates (LAZURITE_ENDPOINT_HOST_TEMPLATE). Without it each"
              + " resource's endpoint is a path: https://localhost:8443/accounts/{name}/.")
  String endpointHostTemplate;

  @Option(
      names = "--database-url",
      description =
          "Store shared by several instances (LAZURITE_DATABASE_URL):"
              + " postgresql://user:password@host:port/db, jdbc:postgresql://… or"
              + " jdbc:sqlite:PATH; default lazurite.db in the data directory.")
  String databaseUrl;

  @Option(
      names = "--file-storage",
      description =
          "Where uploaded files are kept (LAZURITE_FILE_STORAGE): local (default, the data"
              + " directory), a Blob Storage connection string, or"
              + " https://<account>.blob.core.windows.net for managed identity.")
  String fileStorage;

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("host", host);
    flags.put("port", port);
    flags.put("httpsPort", httpsPort);
    flags.put("dataDir", dataDir);
    flags.put("tlsCert", tlsCert);
    flags.put("tlsKey", tlsKey);
    flags.put("tlsHosts", tlsHosts == null ? null : String.join(",", tlsHosts));
    flags.put("region", region);
    flags.put("maxBodyBytes", maxBodyBytes);
    flags.put("usageDurability", usageDurability);
    flags.put("http.idleTimeoutMs", httpIdleTimeoutMs);
    flags.put("http.headerTimeoutMs", httpHeaderTimeoutMs);
    flags.put("http.bodyTimeoutMs", httpBodyTimeoutMs);
    flags.put("http.maxConnections", httpMaxConnections);
    flags.put("databaseUrl", databaseUrl);
    flags.put("redisUrl", redisUrl);
    flags.put("endpointHostTemplate", endpointHostTemplate);
    flags.put("fileStorage", fileStorage);
    ServerConfig resolved = ConfigLoader.load(flags, System.getenv(), Optional.ofNullable(config));
    LazuriteServer server = LazuriteServer.start(resolved, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopWithin(server, resolved.shutdownGrace());
                  stopped.countDown();
                },
                "lazurite-shutdown"));
    System.out.print(Banner.text(server, Terminal.interactive()));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /**
   * Stops the server, and the process with it once the grace period is over even if a request is
   * still computing: the grace period is a deadline, not a hint.
   */
  static void stopWithin(LazuriteServer server, java.time.Duration grace) {
    Thread stopping = Thread.ofPlatform().daemon(true).name("lazurite-stop").start(server::close);
    try {
      stopping.join(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      System.err.printf(
          "lazurite: stopping took longer than the %d ms grace period; exiting now%n",
          grace.toMillis());
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }
}
