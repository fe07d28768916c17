package dev.lazurite.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code server.json} in the data directory: where a running server listens, so that the command
 * line finds it with nothing but {@code --data-dir}. Written once every listener is up; removed on
 * shutdown by the server that wrote it, and by no other.
 */
public final class ServerFile {
  public static final String FILE = "server.json";

  private ServerFile() {}

  static void write(Path dataDir, LazuriteServer server) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("endpoint", server.endpoint().toString());
    server.httpsEndpoint().ifPresent(e -> node.put("httpsEndpoint", e.toString()));
    node.put("subscriptionId", server.subscriptionId());
    node.put("resourceGroup", Bootstrap.DEFAULT_RESOURCE_GROUP);
    node.put("account", Bootstrap.DEFAULT_ACCOUNT);
    server.caCertFile().ifPresent(f -> node.put("caCertFile", f.toAbsolutePath().toString()));
    node.put("pid", ProcessHandle.current().pid());
    try {
      Files.write(dataDir.resolve(FILE), Json.write(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dataDir, LazuriteServer server) {
    Path file = dataDir.resolve(FILE);
    try {
      var node = Json.MAPPER.readTree(Files.readAllBytes(file));
      boolean own =
          node.path("pid").asLong() == ProcessHandle.current().pid()
              && node.path("endpoint").asText().equals(server.endpoint().toString());
      if (own) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // Missing or unreadable: not this server's to remove. A stale file names a dead pid; the
      // command line reports the server as not running.
    }
  }
}
