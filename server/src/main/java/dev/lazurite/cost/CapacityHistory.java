package dev.lazurite.cost;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlEventListener;
import dev.lazurite.store.ControlStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each deployment's capacity history as the control plane changes it, so that PTU-hours
 * follow it: a row when a deployment is created, when its capacity, SKU or model changes, and a row
 * of capacity 0 when it is deleted (on its own or with its account). Hears each committed change
 * once, on the instance that made it; the rows are in the shared store.
 */
public final class CapacityHistory implements ControlEventListener {
  private final CostStore store;
  private final ControlStore control;

  public CapacityHistory(CostStore store, ControlStore control) {
    this.store = store;
    this.control = control;
  }

  @Override
  public void changed(ControlEvent event) {
    String[] parts = event.resourceId().split("/");
    int n = parts.length;
    if (n >= 4 && parts[n - 2].equalsIgnoreCase("deployments") && isAccount(parts, n - 4)) {
      deployment(parts[n - 3], parts[n - 1], event);
    } else if (n >= 2
        && isAccount(parts, n - 2)
        && event.operation() == ControlEvent.Operation.DELETE) {
      accountDeleted(parts[n - 1], event.at());
    }
  }

  private static boolean isAccount(String[] parts, int at) {
    return at >= 0 && parts[at].equalsIgnoreCase("accounts");
  }

  private void deployment(String account, String name, ControlEvent event) {
    Optional<CapacityChange> last = latest(account, name);
    var current =
        control
            .account(account)
            .flatMap(
                a ->
                    control
                        .deployment(account, name)
                        .map(
                            d ->
                                new CapacityChange(
                                    account,
                                    a.resourceGroup(),
                                    name,
                                    d.model().name(),
                                    d.model().version(),
                                    d.sku().name(),
                                    d.sku().capacity(),
                                    event.operation() == ControlEvent.Operation.CREATE
                                            || last.isEmpty()
                                        ? d.createdAt()
                                        : event.at())));
    if (current.isPresent()) {
      if (last.isEmpty() || !last.get().sameAs(current.get())) {
        store.recordCapacity(current.get());
      }
    } else if (last.isPresent() && last.get().capacity() > 0) {
      store.recordCapacity(last.get().gone(event.at()));
    }
  }

  private void accountDeleted(String account, Instant at) {
    for (CapacityChange last : latestOf(account).values()) {
      if (last.capacity() > 0) {
        store.recordCapacity(last.gone(at));
      }
    }
  }

  private Optional<CapacityChange> latest(String account, String deployment) {
    return Optional.ofNullable(latestOf(account).get(deployment));
  }

  /** The last change of each deployment of the account, by deployment name. */
  private Map<String, CapacityChange> latestOf(String account) {
    List<CapacityChange> history = store.capacityHistory();
    Map<String, CapacityChange> last = new HashMap<>();
    for (CapacityChange c : history) {
      if (c.account().equals(account)) {
        last.put(c.deployment(), c);
      }
    }
    return last;
  }
}
