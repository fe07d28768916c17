package dev.lazurite.testing;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.control.Account;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** A runtime snapshot with one account, key {@link #KEY}, and a gpt-4o deployment on a fake. */
public final class TestingSnapshots {
  public static final String KEY = "0123456789abcdef0123456789abcdef";

  private TestingSnapshots() {}

  public static RuntimeSnapshot withBackend(TestingBackend backend) {
    return withBackend(backend, java.util.List.of());
  }

  public static RuntimeSnapshot withBackend(
      TestingBackend backend, java.util.List<dev.lazurite.rbac.RoleAssignment> assignments) {
    var account = Account.create("acct", "sub", "rg", "westeurope", "OpenAI", "S0", Instant.EPOCH);
    var deployment =
        new Deployment(
            "acct",
            "gpt-4o",
            new Deployment.ModelRef("OpenAI", "gpt-4o", "2024-08-06"),
            new Deployment.Sku("GlobalStandard", 10),
            BackendSpec.of(BackendKind.SIMULATOR),
            "Microsoft.DefaultV2",
            "OnceNewDefaultVersionAvailable",
            Instant.EPOCH);
    var runtime =
        new DeploymentRuntime(
            deployment, ModelCatalog.find("gpt-4o", "2024-08-06").orElseThrow(), backend);
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    return new RuntimeSnapshot(
        1,
        Map.of(RuntimeSnapshot.digest(key), new RuntimeSnapshot.KeyBinding("acct", "key1", key)),
        Map.of("acct", new AccountRuntime(account, "West Europe", Map.of("gpt-4o", runtime))),
        assignments,
        java.util.List.of());
  }
}
