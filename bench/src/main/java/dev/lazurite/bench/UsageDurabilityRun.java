package dev.lazurite.bench;

import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.metering.UsageDurability;
import dev.lazurite.server.LazuriteServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What strict usage durability costs per request: the same full-stack chat load against a server
 * with asynchronous usage records and one whose responses wait for their record's commit. Bounded
 * in requests and time; reaches nothing but 127.0.0.1.
 *
 * <p>Usage: {@code UsageDurabilityRun [requestsPerLevel] [concurrency,...]} (default {@code 3000
 * 1,16})
 */
public final class UsageDurabilityRun {
  private UsageDurabilityRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    List<Integer> levels = new ArrayList<>();
    for (String c : (args.length > 1 ? args[1] : "1,16").split(",")) {
      levels.add(Integer.parseInt(c));
    }
    System.out.printf(
        "%-8s %5s %9s %9s %9s %9s%n", "mode", "conc", "req/s", "p50 µs", "p99 µs", "errors");
    for (int concurrency : levels) {
      Map<UsageDurability, LoadRun.Result> results = new EnumMap<>(UsageDurability.class);
      for (UsageDurability mode : UsageDurability.values()) {
        var config =
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-bench-usage"))
                .withUsageDurability(mode);
        try (LazuriteServer server = LazuriteServer.start(config, Clock.systemUTC())) {
          // Provisioned: no per-minute limits, so every request is answered, none throttled.
          var control = server.control();
          control.putDeployment(
              control.account(
                  server.subscriptionId(),
                  Bootstrap.DEFAULT_RESOURCE_GROUP,
                  Bootstrap.DEFAULT_ACCOUNT),
              new DeploymentRequest(
                  "bench", "gpt-4o", "", "ProvisionedManaged", 100, "", "", Optional.empty()));
          URI chat =
              URI.create(
                  server.endpoint()
                      + "/openai/deployments/bench/chat/completions?api-version=2024-10-21");
          LoadRun.Result r = LoadRun.run(chat, server.defaultKeys().key1(), concurrency, requests);
          results.put(mode, r);
          System.out.printf(
              "%-8s %5d %9.0f %9d %9d %9d%n",
              mode,
              concurrency,
              r.perSecond(),
              r.histogram().getValueAtPercentile(50),
              r.histogram().getValueAtPercentile(99),
              r.errors());
        }
      }
      LoadRun.Result async = results.get(UsageDurability.ASYNC);
      LoadRun.Result strict = results.get(UsageDurability.STRICT);
      System.out.printf(
          "%-8s %5d %9s %+9d %+9d%n",
          "added",
          concurrency,
          "",
          strict.histogram().getValueAtPercentile(50) - async.histogram().getValueAtPercentile(50),
          strict.histogram().getValueAtPercentile(99) - async.histogram().getValueAtPercentile(99));
    }
  }
}
