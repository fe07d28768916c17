package dev.lazurite.safety;

import dev.lazurite.store.RaiStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An account's content filter policies compiled for the data plane, built-in ones included. */
public final class FilterPolicies {
  private FilterPolicies() {}

  public static Map<String, FilterPolicy> of(RaiStore store, String account) {
    List<Blocklist> blocklists = store.blocklists(account);
    Map<String, FilterPolicy> out = new HashMap<>();
    for (RaiPolicy p : RaiPolicy.builtIns()) {
      out.put(p.name(), FilterPolicy.resolve(p, List.of()));
    }
    for (RaiPolicy p : store.policies(account)) {
      out.put(p.name(), FilterPolicy.resolve(p, blocklists));
    }
    return out;
  }
}
