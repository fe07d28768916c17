package dev.lazurite.scaleout;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Several servers in one JVM, each with its own data directory, sharing one database. */
final class Instances implements AutoCloseable {
  final List<TestingServer> servers = new ArrayList<>();

  private Instances() {}

  /** Starts {@code count} servers on {@code database}, one after the other, with one master key. */
  static Instances start(int count, DatabaseUrl database, Map<String, String> extraEnvironment) {
    Instances instances = new Instances();
    try {
      Path masterKey = Files.createTempDirectory("lazurite-master").resolve("master.key");
      var environment = new java.util.HashMap<>(extraEnvironment);
      environment.put("LAZURITE_MASTER_KEY_FILE", masterKey.toString());
      for (int i = 0; i < count; i++) {
        instances.servers.add(
            TestingServer.start(
                c ->
                    c.withDatabase(database)
                        .withSimulator(new SimulatorConfig(Duration.ZERO, Duration.ZERO, 5, 5)),
                environment::get));
      }
      return instances;
    } catch (IOException e) {
      instances.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      instances.close();
      throw e;
    }
  }

  TestingServer get(int i) {
    return servers.get(i);
  }

  int size() {
    return servers.size();
  }

  @Override
  public void close() {
    servers.forEach(TestingServer::close);
  }
}
