package dev.lazurite.control;

import dev.lazurite.network.Cidr;
import dev.lazurite.network.NetworkRules;
import java.util.List;
import java.util.Optional;

/**
 * The network settings a request asks for ({@code publicNetworkAccess}, {@code
 * networkAcls.defaultAction}, {@code networkAcls.ipRules}); what it leaves out stays as it was.
 */
public record NetworkRequest(
    Optional<Boolean> publicAccess, Optional<Boolean> denyByDefault, Optional<List<Cidr>> ipRules) {
  public static final NetworkRequest UNCHANGED =
      new NetworkRequest(Optional.empty(), Optional.empty(), Optional.empty());

  public NetworkRequest {
    ipRules = ipRules.map(List::copyOf);
  }

  public NetworkRules apply(NetworkRules current) {
    return new NetworkRules(
        publicAccess.orElse(current.publicAccess()),
        denyByDefault.orElse(current.denyByDefault()),
        ipRules.orElse(current.ipRules()));
  }
}
