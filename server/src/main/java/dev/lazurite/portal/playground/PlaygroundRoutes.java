package dev.lazurite.portal.playground;

import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.rbac.AuthorizationStage;
import dev.lazurite.rbac.Permissions;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chat playground of a resource: a page to pick a chat deployment, a system message,
 * parameters, tools and an index to ground answers in, and the form action that streams the answer.
 * The answer is the data plane's own: the call runs the chat completions pipeline for the signed-in
 * principal ({@link PlaygroundCall}), so its data action, quota, content filter, metering and audit
 * apply as to any client. Reading the page needs the deployments' read action, as the role
 * "Cognitive Services OpenAI User" grants; the chat itself needs the chat data action, which the
 * pipeline checks.
 */
public final class PlaygroundRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/deployments/read";
  static final String SEARCH_READ = "Microsoft.Search/searchServices/read";
  private static final String BASE = "/portal/resources/{group}/{account}/playground";

  private final ControlPlane control;
  private final SearchServices search;
  private final PlaygroundCall call;
  private final String subscription;
  private final Function<String, String> endpoints;

  /**
   * @param endpoints a resource's endpoint by its name, for the code the page shows
   */
  public PlaygroundRoutes(
      ControlPlane control,
      SearchServices search,
      PlaygroundCall call,
      String subscription,
      Function<String, String> endpoints) {
    this.control = control;
    this.search = search;
    this.call = call;
    this.subscription = subscription;
    this.endpoints = endpoints;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(BASE, new Access.Requires(READ), this::page),
        PortalRoute.post(BASE + "/chat", new Access.Requires(READ), this::chat));
  }

  private Reply page(PortalRequest request) {
    Account account = account(request);
    return Reply.page(
        "playground",
        Map.of(
            "group", account.resourceGroup(),
            "account", account.name(),
            "endpoint", endpoints.apply(account.name()),
            "deployments", chatDeployments(account),
            "data", data(request),
            "canChat", canChat(request, account)));
  }

  private Reply chat(PortalRequest request) {
    Account account = account(request);
    String name =
        request.field("deployment").orElseThrow(() -> invalid("Choose a deployment to chat with."));
    Deployment deployment = control.deployment(account, name);
    var body =
        ChatBody.build(
            request.form().getOrDefault("request", ""),
            request.form().getOrDefault("tools", ""),
            grounding(request));
    return call.stream(
        request.session().principal(),
        browser(request.origin().clientAddress()),
        account.name(),
        deployment.name(),
        body);
  }

  private Optional<ChatBody.Grounding> grounding(PortalRequest request) {
    Optional<String> chosen = request.field("index");
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    DataChoice index =
        data(request).stream()
            .filter(d -> d.value().equals(chosen.get()))
            .findFirst()
            .orElseThrow(
                () -> invalid("The index '" + chosen.get() + "' is not one you may search."));
    String type = request.field("query_type").orElse(index.queryTypes().getFirst());
    if (!index.queryTypes().contains(type)) {
      throw invalid(
          "The index '"
              + index.index()
              + "' supports the query types "
              + String.join(", ", index.queryTypes())
              + "; got '"
              + type
              + "'.");
    }
    return Optional.of(new ChatBody.Grounding(index, type));
  }

  /** The indexes of the search services this principal may read, that On Your Data can query. */
  private List<DataChoice> data(PortalRequest request) {
    List<DataChoice> choices = new ArrayList<>();
    for (SearchService service : search.list()) {
      if (!service.subscription().equals(subscription)
          || !request.access().allows(SEARCH_READ, SearchServices.armId(service))) {
        continue;
      }
      for (var schema : search.indexes(service.name()).list()) {
        DataChoice choice = DataChoice.of(service.name(), schema);
        if (!choice.queryTypes().isEmpty()) {
          choices.add(choice);
        }
      }
    }
    return choices;
  }

  /** Deployments of chat models; a model this server does not know is offered as well. */
  private List<String> chatDeployments(Account account) {
    return control.deployments(account).stream()
        .filter(
            d ->
                ModelCatalog.find(d.model().name(), d.model().version())
                    .map(m -> m.supports(ModelKind.CHAT))
                    .orElse(true))
        .map(Deployment::name)
        .sorted()
        .toList();
  }

  /** Whether the page offers the chat: the admin may; a user with the chat data action may. */
  private boolean canChat(PortalRequest request, Account account) {
    String scope = request.access().scopes().accountScope(account.resourceGroup(), account.name());
    return switch (request.session().principal()) {
      case PortalPrincipal.Admin a -> true;
      case PortalPrincipal.Anonymous a -> false;
      case PortalPrincipal.User u -> {
        var assignees = new HashSet<>(u.groups());
        assignees.add(u.objectId());
        yield Permissions.allowsDataAction(
            control.roleAssignments(),
            assignees,
            scope,
            AuthorizationStage.dataAction(Operation.CHAT_COMPLETIONS));
      }
    };
  }

  private Account account(PortalRequest request) {
    return control.account(subscription, request.path("group"), request.path("account"));
  }

  private static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }

  /** The browser's address as the router read it from the socket; unknown only off a socket. */
  private static Optional<InetAddress> browser(String address) {
    try {
      return Optional.of(InetAddress.ofLiteral(address));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
