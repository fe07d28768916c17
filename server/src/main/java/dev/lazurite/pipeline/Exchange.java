package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.auth.Principal;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.safety.Screening;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data-plane request as it travels the pipeline. The request part is fixed when the exchange is
 * made; each stage adds what it learned (who is calling, which deployment, the parsed body) through
 * a {@code with…} method, which returns a new exchange. Reading a part before the stage that sets
 * it has run is a programming error and throws {@link IllegalStateException}. The exchange is the
 * only thing stages hand each other: what outer stages need from inner ones comes back on the
 * {@link Response}, and the pipeline keeps the last exchange for the request's {@link Ledger}.
 */
public final class Exchange {
  private final Request request;
  private final Principal principal;
  private final AccountRuntime account;
  private final DeploymentRuntime deployment;
  private final ModelRequest modelRequest;
  private final ObjectNode jsonBody;
  private final Screenings screenings;

  /**
   * @param headers lower-cased names, first value of each
   * @param query the query parameters, first value of each
   * @param body the whole body, read at the edge; empty when the body is streamed
   * @param bodyStream the body still to be read, for operations whose body is {@link
   *     Operation.BodyKind#MULTIPART}: read once, by the operation's own stage
   * @param receivedNanos {@link System#nanoTime()} when the request arrived
   */
  public record Request(
      String requestId,
      Route route,
      Map<String, String> headers,
      Map<String, String> query,
      byte[] body,
      Optional<InputStream> bodyStream,
      Origin origin,
      long receivedNanos) {
    public Request {
      requireNonNull(requestId, "requestId is null");
      requireNonNull(route, "route is null");
      headers = Map.copyOf(headers);
      query = Map.copyOf(query);
      requireNonNull(body, "body is null");
      requireNonNull(bodyStream, "bodyStream is null");
      requireNonNull(origin, "origin is null");
    }

    /** A request whose body was read whole at the edge, with no query but its route's. */
    public Request(
        String requestId,
        Route route,
        Map<String, String> headers,
        byte[] body,
        Origin origin,
        long receivedNanos) {
      this(requestId, route, headers, Map.of(), body, Optional.empty(), origin, receivedNanos);
    }

    /** The same request with its body read whole, or streamed. */
    public Request withBody(byte[] read, Optional<InputStream> stream) {
      return new Request(requestId, route, headers, query, read, stream, origin, receivedNanos);
    }

    public Optional<String> queryParam(String name) {
      return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String lowerCaseName) {
      return Optional.ofNullable(headers.get(lowerCaseName));
    }
  }

  /**
   * What the content filter found on the way in: one screening per prompt (chat has one,
   * completions one per prompt string) and, for On Your Data, the retrieved documents' shield. The
   * completion filter annotates answers from these.
   */
  public record Screenings(List<Screening> prompts, Optional<Screening> documents) {
    public Screenings {
      prompts = List.copyOf(prompts);
      requireNonNull(documents, "documents is null");
    }

    public Screenings withDocuments(Screening shield) {
      return new Screenings(prompts, Optional.of(shield));
    }
  }

  public Exchange(Request request) {
    this(requireNonNull(request, "request is null"), null, null, null, null, null, null);
  }

  private Exchange(
      Request request,
      Principal principal,
      AccountRuntime account,
      DeploymentRuntime deployment,
      ModelRequest modelRequest,
      ObjectNode jsonBody,
      Screenings screenings) {
    this.request = request;
    this.principal = principal;
    this.account = account;
    this.deployment = deployment;
    this.modelRequest = modelRequest;
    this.jsonBody = jsonBody;
    this.screenings = screenings;
  }

  public Request request() {
    return request;
  }

  public Route route() {
    return request.route();
  }

  public Exchange withCaller(Principal principal, AccountRuntime account) {
    return new Exchange(
        request,
        requireNonNull(principal, "principal is null"),
        requireNonNull(account, "account is null"),
        deployment,
        modelRequest,
        jsonBody,
        screenings);
  }

  public Exchange withJsonBody(ObjectNode body) {
    return new Exchange(
        request,
        principal,
        account,
        deployment,
        modelRequest,
        requireNonNull(body, "body is null"),
        screenings);
  }

  public Exchange withDeployment(DeploymentRuntime deployment) {
    return new Exchange(
        request,
        principal,
        account,
        requireNonNull(deployment, "deployment is null"),
        modelRequest,
        jsonBody,
        screenings);
  }

  public Exchange withModelRequest(ModelRequest modelRequest) {
    return new Exchange(
        request,
        principal,
        account,
        deployment,
        requireNonNull(modelRequest, "modelRequest is null"),
        jsonBody,
        screenings);
  }

  public Exchange withScreenings(Screenings screenings) {
    return new Exchange(
        request,
        principal,
        account,
        deployment,
        modelRequest,
        jsonBody,
        requireNonNull(screenings, "screenings is null"));
  }

  public Principal principal() {
    return require(principal, "AuthenticationStage");
  }

  public AccountRuntime account() {
    return require(account, "AuthenticationStage");
  }

  public DeploymentRuntime deployment() {
    return require(deployment, "DeploymentStage");
  }

  public ObjectNode jsonBody() {
    return require(jsonBody, "BodyStage");
  }

  public ModelRequest modelRequest() {
    return require(modelRequest, "RequestStage");
  }

  /** Empty for requests the prompt filter does not screen (embeddings). */
  public Optional<Screenings> screenings() {
    return Optional.ofNullable(screenings);
  }

  public Optional<Principal> principalIfKnown() {
    return Optional.ofNullable(principal);
  }

  public Optional<AccountRuntime> accountIfKnown() {
    return Optional.ofNullable(account);
  }

  public Optional<DeploymentRuntime> deploymentIfKnown() {
    return Optional.ofNullable(deployment);
  }

  public Optional<ModelRequest> modelRequestIfKnown() {
    return Optional.ofNullable(modelRequest);
  }

  /** The caller, or null before {@code AuthenticationStage}: for the ledger, read per request. */
  Principal principalOrNull() {
    return principal;
  }

  AccountRuntime accountOrNull() {
    return account;
  }

  DeploymentRuntime deploymentOrNull() {
    return deployment;
  }

  private static <T> T require(T value, String stage) {
    if (value == null) {
      throw new IllegalStateException(stage + " has not run for this exchange");
    }
    return value;
  }
}
