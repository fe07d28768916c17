package dev.lazurite.portal.policies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.RaiRequests;
import dev.lazurite.store.RaiStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A resource's custom blocklists and their items; adding and removing an item goes through the
 * control plane's content filter service, with the checks of the ARM API ({@code
 * raiBlocklistItems}), and is in force from the next request.
 */
public final class BlocklistRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/raiBlocklists/read";
  public static final String WRITE = "Microsoft.CognitiveServices/accounts/raiBlocklists/write";
  public static final String DELETE = "Microsoft.CognitiveServices/accounts/raiBlocklists/delete";
  private static final String BASE = "/portal/resources/{group}/{account}/blocklists";

  private final ControlPlane control;
  private final RaiStore rai;
  private final String subscription;

  public BlocklistRoutes(ControlPlane control, RaiStore rai, String subscription) {
    this.control = control;
    this.rai = rai;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(BASE, new Access.Requires(READ), this::list),
        PortalRoute.post(BASE + "/{name}/items", new Access.Requires(WRITE), this::add),
        PortalRoute.post(BASE + "/{name}/items/delete", new Access.Requires(DELETE), this::remove));
  }

  private Reply list(PortalRequest request) {
    Account account = account(request);
    List<Blocklist> lists = rai.blocklists(account.name());
    Optional<String> chosen =
        Optional.ofNullable(request.query().get("blocklist")).filter(s -> !s.isBlank());
    Optional<Blocklist> shown = chosen.map(name -> existing(account, name));
    var scope = request.access().scopes().accountScope(account.resourceGroup(), account.name());
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("blocklists", lists);
    params.put("shown", shown);
    params.put("canWrite", request.access().allows(WRITE, scope));
    params.put("canDelete", request.access().allows(DELETE, scope));
    return Reply.page("blocklists", params);
  }

  private Reply add(PortalRequest request) {
    Account account = account(request);
    Blocklist list = existing(account, request.path("name"));
    String name = required(request, "item");
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putObject("properties")
        .put("pattern", required(request, "pattern"))
        .put("isRegex", request.field("regex").isPresent());
    Blocklist.Item item = RaiRequests.item(name, body);
    control.contentFilterService().putItem(account, list, item);
    return back(account, list.name());
  }

  private Reply remove(PortalRequest request) {
    Account account = account(request);
    Blocklist list = existing(account, request.path("name"));
    String item = required(request, "item");
    if (!control.contentFilterService().deleteItem(account, list, item)) {
      throw notFound(account, "raiBlocklists/" + list.name() + "/raiBlocklistItems/" + item);
    }
    return back(account, list.name());
  }

  private Account account(PortalRequest request) {
    return control.account(subscription, request.path("group"), request.path("account"));
  }

  private Blocklist existing(Account account, String name) {
    return rai.blocklist(account.name(), name)
        .orElseThrow(() -> notFound(account, "raiBlocklists/" + name));
  }

  private static ApiException notFound(Account account, String child) {
    return ApiException.of(
        ErrorCode.ARM_RESOURCE_NOT_FOUND,
        "Microsoft.CognitiveServices/accounts/" + account.name() + "/" + child,
        account.resourceGroup());
  }

  private static Reply back(Account account, String blocklist) {
    return new Reply.Redirect(
        "/portal/resources/"
            + account.resourceGroup()
            + "/"
            + account.name()
            + "/blocklists?blocklist="
            + URLEncoder.encode(blocklist, StandardCharsets.UTF_8));
  }

  private static String required(PortalRequest request, String field) {
    return request
        .field(field)
        .orElseThrow(
            () ->
                ApiException.of(
                    ErrorCode.ARM_INVALID_BODY, "The field '" + field + "' is required."));
  }
}
