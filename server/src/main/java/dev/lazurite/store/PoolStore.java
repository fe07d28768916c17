package dev.lazurite.store;

import dev.lazurite.routing.NamedBackend;
import java.util.List;

/** Named backends (their secrets sealed at rest) and the pools deployments draw on. */
public interface PoolStore {
  void upsertBackend(NamedBackend backend);

  List<NamedBackend> backends(String account);

  boolean deleteBackend(String account, String name);

  /** Replaces a deployment's pool with these backend names, in order. */
  void setPool(String account, String deployment, List<String> backends);

  List<String> pool(String account, String deployment);
}
