package dev.lazurite.control.group;

import java.util.List;
import java.util.Optional;

/** Durable resource groups. Every method is one transaction. */
public interface ResourceGroupStore {
  Optional<ResourceGroup> get(String subscription, String name);

  List<ResourceGroup> list(String subscription);

  /** Inserts the group, or replaces the tags of the group of that name; true when inserted. */
  boolean put(ResourceGroup group);

  boolean delete(String subscription, String name);
}
