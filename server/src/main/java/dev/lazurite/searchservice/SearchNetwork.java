package dev.lazurite.searchservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lazurite.json.Json;
import dev.lazurite.network.Cidr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A search service's network isolation, as Azure AI Search has it: {@code publicNetworkAccess},
 * {@code networkRuleSet.ipRules} (when any are set, only they may reach the service publicly) and
 * private endpoints, which are private whatever the public settings say.
 */
public record SearchNetwork(
    boolean publicAccess, List<Cidr> ipRules, List<SearchPrivateEndpoint> privateEndpoints) {
  public static final SearchNetwork OPEN = new SearchNetwork(true, List.of(), List.of());

  public SearchNetwork {
    ipRules = List.copyOf(ipRules);
    privateEndpoints = List.copyOf(privateEndpoints);
  }

  /** Whether a request from {@code client} that arrived on {@code local} may reach the service. */
  public Verdict admit(InetAddress client, InetSocketAddress local) {
    Optional<SearchPrivateEndpoint> through = at(local);
    if (through.isPresent()) {
      return through.get().sourceRange().filter(r -> !r.contains(client)).isPresent()
          ? Verdict.FIREWALL
          : Verdict.ALLOWED;
    }
    if (!publicAccess) {
      return Verdict.PUBLIC_ACCESS_DISABLED;
    }
    if (!ipRules.isEmpty() && ipRules.stream().noneMatch(r -> r.contains(client))) {
      return Verdict.FIREWALL;
    }
    return Verdict.ALLOWED;
  }

  /** The private endpoint a listener address is, if it is one of this service's. */
  public Optional<SearchPrivateEndpoint> at(InetSocketAddress local) {
    return privateEndpoints.stream()
        .filter(e -> e.port() == local.getPort() && sameAddress(e.address(), local))
        .findFirst();
  }

  private static boolean sameAddress(String address, InetSocketAddress local) {
    try {
      return InetAddress.getByName(address).equals(local.getAddress());
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public SearchNetwork withRules(boolean publicAccess, List<Cidr> ipRules) {
    return new SearchNetwork(publicAccess, ipRules, privateEndpoints);
  }

  public SearchNetwork withPrivateEndpoints(List<SearchPrivateEndpoint> endpoints) {
    return new SearchNetwork(publicAccess, ipRules, endpoints);
  }

  /** {@code enabled} or {@code disabled}, as Search's ARM spells it. */
  public String publicNetworkAccess() {
    return publicAccess ? "enabled" : "disabled";
  }

  /** The IP rules as stored: comma-separated. */
  public String ipRulesText() {
    return String.join(",", ipRules.stream().map(Cidr::toString).toList());
  }

  /** The private endpoints as stored: a JSON array. */
  public String privateEndpointsJson() {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (SearchPrivateEndpoint e : privateEndpoints) {
      var node =
          out.addObject()
              .put("name", e.name())
              .put("address", e.address())
              .put("port", e.port())
              .put("createdAt", e.createdAt().toString());
      e.sourceRange().ifPresent(r -> node.put("sourceRange", r.toString()));
    }
    return Json.writeString(out);
  }

  /** Reads the stored columns back. */
  public static SearchNetwork stored(
      String service, String publicNetworkAccess, String ipRules, String privateEndpoints) {
    List<Cidr> rules =
        Arrays.stream(ipRules.split(",")).filter(r -> !r.isBlank()).map(Cidr::parse).toList();
    List<SearchPrivateEndpoint> endpoints = new ArrayList<>();
    for (JsonNode e : Json.read(privateEndpoints, JsonNode.class)) {
      endpoints.add(
          new SearchPrivateEndpoint(
              service,
              e.path("name").asText(),
              e.path("address").asText(),
              e.path("port").asInt(),
              e.hasNonNull("sourceRange")
                  ? Optional.of(Cidr.parse(e.get("sourceRange").asText()))
                  : Optional.empty(),
              Instant.parse(e.path("createdAt").asText())));
    }
    return new SearchNetwork(publicNetworkAccess.equalsIgnoreCase("enabled"), rules, endpoints);
  }

  public enum Verdict {
    ALLOWED,
    PUBLIC_ACCESS_DISABLED,
    FIREWALL
  }
}
