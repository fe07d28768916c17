package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.ContentFilter;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.safety.RaiRequests;
import dev.lazurite.store.RaiStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ARM routes of an account's content filter policies ({@code raiPolicies}) and custom blocklists
 * ({@code raiBlocklists}, {@code raiBlocklistItems}).
 */
final class RaiRoutes {
  private static final String CS = "Microsoft.CognitiveServices/accounts";
  private static final Map<String, String> DISPLAY =
      Map.of(
          "hate", "Hate",
          "sexual", "Sexual",
          "violence", "Violence",
          "selfharm", "Selfharm",
          "jailbreak", "Jailbreak",
          "indirect_attack", "Indirect Attack",
          "profanity", "Profanity",
          "protected_material_text", "Protected Material Text",
          "protected_material_code", "Protected Material Code");

  record Answer(int status, Object body) {}

  private final RaiStore store;
  private final ControlPlane control;

  RaiRoutes(RaiStore store, ControlPlane control) {
    this.store = store;
    this.control = control;
  }

  static boolean handles(List<String> p) {
    if (p.size() < 9) {
      return false;
    }
    String child = p.get(8).toLowerCase(Locale.ROOT);
    return child.equals("raipolicies") || child.equals("raiblocklists");
  }

  /** The policy a deployment may name: built-in or one of the account's. */
  boolean policyExists(Account account, String name) {
    return RaiPolicy.isBuiltIn(name)
        || store.policies(account.name()).stream().anyMatch(p -> p.name().equals(name));
  }

  Answer handle(ArmCaller caller, String method, Account account, List<String> p, byte[] body) {
    String scope = account.armId();
    boolean policies = p.get(8).equalsIgnoreCase("raiPolicies");
    String kind = policies ? "raiPolicies" : "raiBlocklists";
    String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
    caller.require(CS + "/" + kind + "/" + verb, scope);
    if (p.size() == 9) {
      requireMethod(method, "GET");
      return ok(
          ArmViews.list(
              policies
                  ? allPolicies(account).stream().map(x -> policy(account, x)).toList()
                  : store.blocklists(account.name()).stream()
                      .map(b -> blocklist(account, b))
                      .toList()));
    }
    String name = p.get(9);
    if (policies && p.size() == 10) {
      return policyRoute(method, account, name, body);
    }
    if (!policies && p.size() == 10) {
      return blocklistRoute(method, account, name, body);
    }
    if (!policies && p.size() >= 11) {
      Blocklist list = existingBlocklist(account, name);
      String child = p.get(10).toLowerCase(Locale.ROOT);
      if (child.equals("raiblocklistitems") && p.size() == 11) {
        requireMethod(method, "GET");
        return ok(
            ArmViews.list(list.items().stream().map(i -> item(account, list.name(), i)).toList()));
      }
      if (child.equals("raiblocklistitems") && p.size() == 12) {
        return itemRoute(method, account, list, p.get(11), body);
      }
      if (child.equals("addraiblocklistitems") && p.size() == 11) {
        requireMethod(method, "POST");
        JsonNode items;
        try {
          items = Json.parse(body);
        } catch (java.io.IOException e) {
          throw ApiException.of(
              ErrorCode.ARM_INVALID_BODY,
              "The request content was invalid and could not be deserialized.");
        }
        if (!items.isArray()) {
          throw ApiException.of(
              ErrorCode.ARM_INVALID_BODY, "The body must be an array of blocklist items.");
        }
        List<Blocklist.Item> parsed = new ArrayList<>();
        for (JsonNode i : items) {
          parsed.add(RaiRequests.item(i.path("name").asText(""), i));
        }
        parsed.forEach(i -> store.putItem(account.name(), list.name(), i));
        return ok(blocklist(account, existingBlocklist(account, name)));
      }
    }
    throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "/" + String.join("/", p));
  }

  private Answer policyRoute(String method, Account account, String name, byte[] body) {
    return switch (method) {
      case "GET" ->
          ok(
              policy(
                  account,
                  allPolicies(account).stream()
                      .filter(x -> x.name().equals(name))
                      .findFirst()
                      .orElseThrow(() -> notFound(account, "raiPolicies/" + name))));
      case "PUT" -> {
        RaiPolicy policy = RaiRequests.policy(name, dev.lazurite.control.ArmRequests.parse(body));
        for (var ref : policy.customBlocklists()) {
          if (store.blocklist(account.name(), ref.blocklistName()).isEmpty()) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The custom blocklist '"
                    + ref.blocklistName()
                    + "' does not exist on this resource.");
          }
        }
        boolean created = store.putPolicy(account.name(), policy);
        control.publish();
        yield new Answer(created ? 201 : 200, policy(account, policy));
      }
      case "DELETE" -> {
        if (RaiPolicy.isBuiltIn(name)) {
          throw ApiException.of(
              ErrorCode.ARM_INVALID_BODY, "The built-in policy '" + name + "' cannot be deleted.");
        }
        List<String> users =
            control.deployments(account).stream()
                .filter(d -> d.raiPolicyName().equals(name))
                .map(d -> d.name())
                .toList();
        if (!users.isEmpty()) {
          throw ApiException.of(
              ErrorCode.ARM_CONFLICT,
              "The RAI policy '"
                  + name
                  + "' is used by the deployments "
                  + users
                  + "; change their raiPolicyName first.");
        }
        boolean deleted = store.deletePolicy(account.name(), name);
        control.publish();
        yield new Answer(deleted ? 200 : 204, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private Answer blocklistRoute(String method, Account account, String name, byte[] body) {
    return switch (method) {
      case "GET" -> ok(blocklist(account, existingBlocklist(account, name)));
      case "PUT" -> {
        RaiRequests.checkName("blocklist", name);
        JsonNode request = dev.lazurite.control.ArmRequests.parse(body);
        boolean created =
            store.putBlocklist(
                account.name(), name, request.path("properties").path("description").asText(""));
        control.publish();
        yield new Answer(created ? 201 : 200, blocklist(account, existingBlocklist(account, name)));
      }
      case "DELETE" -> {
        List<String> users =
            store.policies(account.name()).stream()
                .filter(
                    x ->
                        x.customBlocklists().stream().anyMatch(b -> b.blocklistName().equals(name)))
                .map(RaiPolicy::name)
                .toList();
        if (!users.isEmpty()) {
          throw ApiException.of(
              ErrorCode.ARM_CONFLICT,
              "The blocklist '"
                  + name
                  + "' is used by the RAI policies "
                  + users
                  + "; remove it from them first.");
        }
        boolean deleted = store.deleteBlocklist(account.name(), name);
        control.publish();
        yield new Answer(deleted ? 200 : 204, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private Answer itemRoute(
      String method, Account account, Blocklist list, String name, byte[] body) {
    return switch (method) {
      case "GET" ->
          ok(
              item(
                  account,
                  list.name(),
                  list.items().stream()
                      .filter(i -> i.name().equals(name))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              notFound(
                                  account,
                                  "raiBlocklists/" + list.name() + "/raiBlocklistItems/" + name))));
      case "PUT" -> {
        Blocklist.Item item = RaiRequests.item(name, dev.lazurite.control.ArmRequests.parse(body));
        boolean created = store.putItem(account.name(), list.name(), item);
        control.publish();
        yield new Answer(created ? 201 : 200, item(account, list.name(), item));
      }
      case "DELETE" -> {
        boolean deleted = store.deleteItem(account.name(), list.name(), name);
        control.publish();
        yield new Answer(deleted ? 200 : 204, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private List<RaiPolicy> allPolicies(Account account) {
    List<RaiPolicy> all = new ArrayList<>(RaiPolicy.builtIns());
    all.addAll(store.policies(account.name()));
    return all;
  }

  private Blocklist existingBlocklist(Account account, String name) {
    return store
        .blocklist(account.name(), name)
        .orElseThrow(() -> notFound(account, "raiBlocklists/" + name));
  }

  private static ApiException notFound(Account account, String child) {
    return ApiException.of(
        ErrorCode.ARM_RESOURCE_NOT_FOUND,
        CS + "/" + account.name() + "/" + child,
        account.resourceGroup());
  }

  static ObjectNode policy(Account account, RaiPolicy policy) {
    ObjectNode out = resource(account, "raiPolicies", policy.name());
    ObjectNode props = out.putObject("properties");
    props.put("type", policy.type());
    props.put("mode", policy.mode());
    if (!policy.basePolicyName().isEmpty()) {
      props.put("basePolicyName", policy.basePolicyName());
    }
    ArrayNode filters = props.putArray("contentFilters");
    for (ContentFilter f : policy.contentFilters()) {
      ObjectNode filter = filters.addObject();
      filter.put("name", DISPLAY.get(f.name()));
      filter.put("enabled", f.enabled());
      filter.put("blocking", f.blocking());
      if (!f.severityThreshold().isEmpty()) {
        filter.put("severityThreshold", f.severityThreshold());
      }
      filter.put("source", f.source());
    }
    ArrayNode lists = props.putArray("customBlocklists");
    policy
        .customBlocklists()
        .forEach(
            b ->
                lists
                    .addObject()
                    .put("blocklistName", b.blocklistName())
                    .put("blocking", b.blocking())
                    .put("source", b.source()));
    return out;
  }

  private static ObjectNode blocklist(Account account, Blocklist list) {
    ObjectNode out = resource(account, "raiBlocklists", list.name());
    out.putObject("properties").put("description", list.description());
    return out;
  }

  private static ObjectNode item(Account account, String list, Blocklist.Item item) {
    ObjectNode out = resource(account, "raiBlocklists/" + list + "/raiBlocklistItems", item.name());
    out.put("type", "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems");
    out.putObject("properties").put("pattern", item.pattern()).put("isRegex", item.regex());
    return out;
  }

  private static ObjectNode resource(Account account, String collection, String name) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", account.armId() + "/" + collection + "/" + name);
    out.put("name", name);
    out.put("type", CS + "/" + collection.replaceAll("/.*", ""));
    return out;
  }

  private static Answer ok(Object body) {
    return new Answer(200, body);
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
  }
}
