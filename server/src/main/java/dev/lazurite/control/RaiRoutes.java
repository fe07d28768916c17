package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
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

  private static final int MAX_DESCRIPTION = 1000;

  private final RaiStore store;
  private final ControlPlane control;

  RaiRoutes(RaiStore store, ControlPlane control) {
    this.store = store;
    this.control = control;
  }

  void register(ArmRouter routes) {
    String account = CognitiveServicesRoutes.ACCOUNT;
    String policies = account + "/raiPolicies";
    String blocklists = account + "/raiBlocklists";
    String items = blocklists + "/{blocklistName}/raiBlocklistItems";
    for (String method : List.of("GET", "PUT", "DELETE")) {
      String verb = verb(method);
      routes
          .route(
              method,
              policies + "/{policyName}",
              account,
              CS + "/raiPolicies/" + verb,
              c -> policyRoute(method, account(c), c.value("policyName"), c.body()))
          .route(
              method,
              blocklists + "/{blocklistName}",
              account,
              CS + "/raiBlocklists/" + verb,
              c -> blocklistRoute(method, account(c), c.value("blocklistName"), c.body()))
          .route(
              method,
              items + "/{itemName}",
              account,
              CS + "/raiBlocklists/" + verb,
              c -> {
                Account owner = account(c);
                Blocklist list = existingBlocklist(owner, c.value("blocklistName"));
                return itemRoute(method, owner, list, c.value("itemName"), c.body());
              });
    }
    routes
        .route(
            "GET",
            policies,
            account,
            CS + "/raiPolicies/read",
            c -> {
              Account owner = account(c);
              return ArmResponse.ok(
                  ArmViews.list(allPolicies(owner).stream().map(x -> policy(owner, x)).toList()));
            })
        .route(
            "GET",
            blocklists,
            account,
            CS + "/raiBlocklists/read",
            c -> {
              Account owner = account(c);
              return ArmResponse.ok(
                  ArmViews.list(
                      store.blocklists(owner.name()).stream()
                          .map(b -> blocklist(owner, b))
                          .toList()));
            })
        .route(
            "GET",
            items,
            account,
            CS + "/raiBlocklists/read",
            c -> {
              Account owner = account(c);
              Blocklist list = existingBlocklist(owner, c.value("blocklistName"));
              return ArmResponse.ok(
                  ArmViews.list(
                      list.items().stream().map(i -> item(owner, list.name(), i)).toList()));
            })
        .route(
            "POST",
            blocklists + "/{blocklistName}/addRaiBlocklistItems",
            account,
            CS + "/raiBlocklists/write",
            c -> {
              Account owner = account(c);
              Blocklist list = existingBlocklist(owner, c.value("blocklistName"));
              control.contentFilterService().addItems(owner, list, items(c.body()));
              return ArmResponse.ok(blocklist(owner, existingBlocklist(owner, list.name())));
            });
  }

  private static String verb(String method) {
    return method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
  }

  private Account account(ArmCall c) {
    return control.account(
        c.value("subscriptionId"), c.value("resourceGroupName"), c.value("accountName"));
  }

  /** Azure's limit on the items one {@code addRaiBlocklistItems} call may add. */
  static final int MAX_ITEMS_PER_CALL = 100;

  /** Every item of an {@code addRaiBlocklistItems} body, checked before any is stored. */
  private static List<Blocklist.Item> items(byte[] body) {
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
    if (items.isEmpty() || items.size() > MAX_ITEMS_PER_CALL) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "Add 1 to %d blocklist items per call; the request has %d."
              .formatted(MAX_ITEMS_PER_CALL, items.size()));
    }
    List<Blocklist.Item> parsed = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (JsonNode i : items) {
      JsonNode itemName = i.path("name");
      if (!i.isObject() || !itemName.isTextual()) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_BODY,
            "Each blocklist item must be an object with a string 'name' and 'properties'.");
      }
      if (!names.add(itemName.asText())) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_BODY,
            "The blocklist item '" + itemName.asText() + "' is given twice.");
      }
      parsed.add(RaiRequests.item(itemName.asText(), i));
    }
    return parsed;
  }

  private ArmResponse policyRoute(String method, Account account, String name, byte[] body) {
    return switch (method) {
      case "GET" ->
          ArmResponse.ok(
              policy(
                  account,
                  allPolicies(account).stream()
                      .filter(x -> x.name().equals(name))
                      .findFirst()
                      .orElseThrow(() -> notFound(account, "raiPolicies/" + name))));
      case "PUT" -> {
        RaiPolicy policy = RaiRequests.policy(name, ArmRequests.parse(body));
        boolean created = control.contentFilterService().putPolicy(account, policy);
        yield new ArmResponse(created ? 201 : 200, policy(account, policy));
      }
      case "DELETE" -> {
        boolean deleted = control.contentFilterService().deletePolicy(account, name);
        yield new ArmResponse(deleted ? 200 : 204, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private ArmResponse blocklistRoute(String method, Account account, String name, byte[] body) {
    return switch (method) {
      case "GET" -> ArmResponse.ok(blocklist(account, existingBlocklist(account, name)));
      case "PUT" -> {
        RaiRequests.checkName("blocklist", name);
        JsonNode properties = ArmRequests.object(ArmRequests.parse(body), "properties");
        JsonNode description = properties.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
          throw ArmRequests.mistyped("properties.description", "a string");
        }
        if (description.asText("").length() > MAX_DESCRIPTION) {
          throw ArmRequests.invalid(
              "A blocklist description has at most %d characters.".formatted(MAX_DESCRIPTION));
        }
        boolean created =
            control.contentFilterService().putBlocklist(account, name, description.asText(""));
        yield new ArmResponse(
            created ? 201 : 200, blocklist(account, existingBlocklist(account, name)));
      }
      case "DELETE" -> {
        boolean deleted = control.contentFilterService().deleteBlocklist(account, name);
        yield new ArmResponse(deleted ? 200 : 204, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private ArmResponse itemRoute(
      String method, Account account, Blocklist list, String name, byte[] body) {
    return switch (method) {
      case "GET" ->
          ArmResponse.ok(
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
        boolean created = control.contentFilterService().putItem(account, list, item);
        yield new ArmResponse(created ? 201 : 200, item(account, list.name(), item));
      }
      case "DELETE" -> {
        boolean deleted = control.contentFilterService().deleteItem(account, list, name);
        yield new ArmResponse(deleted ? 200 : 204, null);
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
}
