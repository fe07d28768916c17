package dev.lazurite.capture;

import dev.lazurite.control.Account;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlEventListener;
import dev.lazurite.control.event.ControlWriter;
import dev.lazurite.store.ControlStore;
import java.util.Map;

/**
 * Capture policies: set and removed through the control plane's write path (one transaction that
 * moves the snapshot version, then one control event), and held in memory for the data plane. The
 * policies are read again from the store before each new runtime snapshot is in force, so a change
 * made through any instance holds on every instance as soon as its snapshot does. A deployment's
 * policy is removed with the deployment (or its account), so a deployment created again under the
 * same name captures nothing until a policy is set for it.
 */
public final class CaptureService implements ControlEventListener {
  private final CaptureStore store;
  private final ControlStore control;
  private final ControlWriter writer;
  private volatile Map<CaptureStore.Target, CapturePolicy> policies;

  public CaptureService(CaptureStore store, ControlStore control, ControlWriter writer) {
    this.store = store;
    this.control = control;
    this.writer = writer;
    this.policies = Map.copyOf(store.policies());
    writer.beforeEachSnapshot(version -> policies = Map.copyOf(store.policies()));
  }

  /** The policy in force for a deployment; {@link CapturePolicy#OFF} when none was set. */
  public CapturePolicy policy(String account, String deployment) {
    return policies.getOrDefault(new CaptureStore.Target(account, deployment), CapturePolicy.OFF);
  }

  /**
   * The stored policy of a deployment that exists.
   *
   * @throws NotFound naming the account or deployment that does not exist
   */
  public CapturePolicy get(String account, String deployment) {
    resourceId(account, deployment);
    return store.policies().getOrDefault(target(account, deployment), CapturePolicy.OFF);
  }

  /** Sets a deployment's policy; in force on every instance once the snapshot moves. */
  public CapturePolicy put(String account, String deployment, CapturePolicy policy) {
    return writer.write(
        () -> {
          String id = resourceId(account, deployment);
          store.putPolicy(target(account, deployment), policy);
          writer.committed(id, ControlEvent.Operation.UPDATE);
          return policy;
        });
  }

  /** Removes a deployment's policy: nothing more is captured for it. */
  public boolean delete(String account, String deployment) {
    return writer.write(
        () -> {
          String id = resourceId(account, deployment);
          boolean deleted = store.deletePolicy(target(account, deployment));
          if (deleted) {
            writer.committed(id, ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  /** Removes the policies of a deleted deployment, or of every deployment of a deleted account. */
  @Override
  public void changed(ControlEvent event) {
    if (event.operation() != ControlEvent.Operation.DELETE) {
      return;
    }
    String[] parts = event.resourceId().split("/");
    int n = parts.length;
    boolean deployment =
        n >= 4
            && parts[n - 2].equalsIgnoreCase("deployments")
            && parts[n - 4].equalsIgnoreCase("accounts");
    boolean account = n >= 2 && parts[n - 2].equalsIgnoreCase("accounts");
    if (!deployment && !account) {
      return;
    }
    String name = deployment ? parts[n - 3] : parts[n - 1];
    boolean removed = false;
    for (CaptureStore.Target t : store.policies().keySet()) {
      if (t.account().equals(name) && (account || t.deployment().equals(parts[n - 1]))) {
        removed |= store.deletePolicy(t);
      }
    }
    if (removed) {
      policies = Map.copyOf(store.policies());
    }
  }

  private static CaptureStore.Target target(String account, String deployment) {
    return new CaptureStore.Target(account, deployment);
  }

  /** The policy's resource id, under the deployment of the account named. */
  private String resourceId(String account, String deployment) {
    Account found =
        control
            .account(account)
            .orElseThrow(
                () ->
                    new NotFound(
                        "ResourceNotFound", "The resource '" + account + "' was not found."));
    if (control.deployment(account, deployment).isEmpty()) {
      throw new NotFound(
          "DeploymentNotFound",
          "The deployment '" + deployment + "' was not found in resource '" + account + "'.");
    }
    return found.armId() + "/deployments/" + deployment + "/captureSettings/default";
  }

  /** The account or deployment a policy would be about does not exist. */
  public static final class NotFound extends RuntimeException {
    private final String code;

    NotFound(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
