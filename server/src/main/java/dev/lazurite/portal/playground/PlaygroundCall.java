package dev.lazurite.portal.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.auth.Principal;
import dev.lazurite.backend.Ids;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.server.SseWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a playground chat through the data plane's chat completions pipeline, the one {@code
 * /openai/deployments/{d}/chat/completions} runs, entered as internal callers enter it ({@link
 * Origin.Internal}): the deployment is found in the page's resource only, and quota, the content
 * filter, On Your Data, metering and audit apply. A user principal calls as itself (its object id
 * and groups, checked against the chat data action and named in usage and audit records); the admin
 * credential calls with the resource's full rights, recorded as {@value #ADMIN_PURPOSE}.
 */
public final class PlaygroundCall {
  /** The api-version the playground calls with; it accepts On Your Data sources. */
  static final String API_VERSION = "2024-10-21";

  /** What usage and audit records name as the caller of a call the admin made in the playground. */
  static final String ADMIN_PURPOSE = "portal-playground/admin";

  static final String USER_PURPOSE = "portal-playground";

  private final Supplier<Pipelines> pipelines;

  /** The pipelines are read at call time: the portal is wired before the data plane. */
  public PlaygroundCall(Supplier<Pipelines> pipelines) {
    this.pipelines = pipelines;
  }

  /**
   * The answer as server-sent events, or the data plane's refusal in Azure's error envelope (a
   * missing data action is a 403 here: the session is signed in, it may not do this).
   */
  Reply stream(
      PortalPrincipal principal,
      Optional<InetAddress> browser,
      String account,
      String deployment,
      ObjectNode body) {
    var exchange =
        new Exchange(
            new Exchange.Request(
                Ids.requestId(),
                Route.modelCall(Operation.CHAT_COMPLETIONS, deployment, API_VERSION),
                Map.of(),
                Json.write(body),
                origin(principal, browser, account),
                System.nanoTime()));
    Outcome outcome = pipelines.get().execute(exchange);
    return switch (outcome) {
      case Outcome.Failed failed -> refusal(failed.error());
      case Outcome.Answered answered ->
          switch (answered.response()) {
            case Response.Stream stream ->
                new Reply.Streamed(
                    200, "text/event-stream", out -> SseWriter.write(stream.events(), out));
            case Response.Json json ->
                new Reply.Streamed(
                    json.status(),
                    "application/json",
                    out -> out.write(Json.writeWire(json.body())));
            case Response.Bytes bytes -> {
              try (var ignored = bytes.content()) {
                yield refusal(ApiException.of(ErrorCode.INTERNAL));
              } catch (java.io.IOException e) {
                yield refusal(ApiException.of(ErrorCode.INTERNAL));
              }
            }
          };
    };
  }

  static Origin.Internal origin(
      PortalPrincipal principal, Optional<InetAddress> browser, String account) {
    return switch (principal) {
      case PortalPrincipal.Admin a ->
          new Origin.Internal(account, ADMIN_PURPOSE, Optional.empty(), browser);
      case PortalPrincipal.User u ->
          new Origin.Internal(
              account,
              USER_PURPOSE,
              Optional.of(new Principal.Entra(u.objectId(), "", "", List.copyOf(u.groups()))),
              browser);
      case PortalPrincipal.Anonymous a ->
          throw new IllegalStateException("the playground is for signed-in principals only");
    };
  }

  private static Reply refusal(ApiException e) {
    int status = e.errorCode() == ErrorCode.PERMISSION_DENIED ? 403 : e.errorCode().status();
    byte[] body = ErrorRenderer.render(e);
    return new Reply.Streamed(status, "application/json", out -> out.write(body));
  }
}
