package dev.lazurite.store;

import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.RaiPolicy;
import java.util.List;
import java.util.Optional;

/** Each account's content filter policies and custom blocklists. */
public interface RaiStore {
  /** Inserts or replaces; true if it was created. */
  boolean putPolicy(String account, RaiPolicy policy);

  List<RaiPolicy> policies(String account);

  boolean deletePolicy(String account, String name);

  /** Creates or updates a blocklist's description; true if it was created. */
  boolean putBlocklist(String account, String name, String description);

  /** The account's blocklists with their items. */
  List<Blocklist> blocklists(String account);

  boolean deleteBlocklist(String account, String name);

  /** Inserts or replaces an item; true if it was created. */
  boolean putItem(String account, String blocklist, Blocklist.Item item);

  boolean deleteItem(String account, String blocklist, String item);

  default Optional<Blocklist> blocklist(String account, String name) {
    return blocklists(account).stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
