package dev.lazurite.control;

import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.control.group.ResourceGroups;
import dev.lazurite.store.ControlStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * First start: a subscription id, a resource with two keys, and default deployments — chat models
 * served by the simulator and an embeddings deployment served by the embedded model. Runs once per
 * data directory; deleting the defaults later does not bring them back.
 */
public final class Bootstrap {
  public static final String DEFAULT_ACCOUNT = "lazurite";
  public static final String DEFAULT_RESOURCE_GROUP = "lazurite";
  private static final String SUBSCRIPTION = "subscription-id";
  private static final String BOOTSTRAPPED = "bootstrapped";
  private static final String TENANT = "tenant-id";

  private Bootstrap() {}

  /** Returns the subscription id, creating the defaults on first start. */
  public static String run(ControlStore store, ControlPlane control, String region, Clock clock) {
    String subscription = store.settingIfAbsent(SUBSCRIPTION, UUID.randomUUID().toString());
    if (store.setting(BOOTSTRAPPED).isEmpty()) {
      new ResourceGroups(store.resourceGroups(), (s, g) -> {}, clock)
          .ensure(subscription, DEFAULT_RESOURCE_GROUP, region);
      var account =
          Account.create(
              DEFAULT_ACCOUNT,
              subscription,
              DEFAULT_RESOURCE_GROUP,
              region,
              "OpenAI",
              "S0",
              clock.instant());
      control.createAccount(account);
      for (DeploymentRequest d : defaults()) {
        control.putDeployment(account, d);
      }
      store.putSetting(BOOTSTRAPPED, clock.instant().toString());
    }
    control.publish();
    return subscription;
  }

  /** The directory tenant this server's token service issues tokens for, made on first start. */
  public static String tenantId(ControlStore store) {
    return store.settingIfAbsent(TENANT, UUID.randomUUID().toString());
  }

  static List<DeploymentRequest> defaults() {
    return List.of(
        deployment("gpt-35-turbo", "gpt-35-turbo", "0613", "Standard", 120),
        deployment("gpt-4o", "gpt-4o", "2024-08-06", "GlobalStandard", 100),
        deployment(
            ModelCatalog.EMBEDDED_EMBEDDING_MODEL,
            ModelCatalog.EMBEDDED_EMBEDDING_MODEL,
            "1",
            "Standard",
            120));
  }

  private static DeploymentRequest deployment(
      String name, String model, String version, String sku, int capacity) {
    return new DeploymentRequest(name, model, version, sku, capacity, "", "", Optional.empty());
  }
}
