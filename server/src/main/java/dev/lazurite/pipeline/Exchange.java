package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.auth.Principal;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * One data-plane request as it travels the pipeline. The request part is fixed when the exchange is
 * made; each stage adds what it learned (who is calling, which deployment, the parsed body) through
 * a {@code with…} method, which returns a new exchange. Reading a part before the stage that sets
 * it has run is a programming error and throws {@link IllegalStateException}.
 */
public final class Exchange {
  private final Request request;
  private final Principal principal;
  private final AccountRuntime account;
  private final DeploymentRuntime deployment;
  private final ModelRequest modelRequest;
  private final ObjectNode jsonBody;

  /**
   * @param headers lower-cased names, first value of each
   * @param receivedNanos {@link System#nanoTime()} when the request arrived
   */
  public record Request(
      String requestId,
      Route route,
      Map<String, String> headers,
      byte[] body,
      Connection connection,
      long receivedNanos,
      Facts facts) {
    public Request {
      requireNonNull(facts, "facts is null");
      requireNonNull(requestId, "requestId is null");
      requireNonNull(route, "route is null");
      headers = Map.copyOf(headers);
      requireNonNull(body, "body is null");
      requireNonNull(connection, "connection is null");
    }

    public Optional<String> header(String lowerCaseName) {
      return Optional.ofNullable(headers.get(lowerCaseName));
    }
  }

  /**
   * The network side of a request.
   *
   * @param client the caller: the socket peer, or what a trusted proxy says in {@code
   *     X-Forwarded-For}
   * @param peer the socket peer
   * @param local the listener address the request arrived on
   * @param secure whether it came over TLS
   */
  public record Connection(
      InetAddress client, InetAddress peer, InetSocketAddress local, boolean secure) {
    public Connection {
      requireNonNull(client, "client is null");
      requireNonNull(peer, "peer is null");
      requireNonNull(local, "local is null");
    }

    public static Connection loopback() {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      return new Connection(loopback, loopback, new InetSocketAddress(loopback, 0), false);
    }
  }

  public Exchange(Request request) {
    this(requireNonNull(request, "request is null"), null, null, null, null, null);
  }

  private Exchange(
      Request request,
      Principal principal,
      AccountRuntime account,
      DeploymentRuntime deployment,
      ModelRequest modelRequest,
      ObjectNode jsonBody) {
    this.request = request;
    this.principal = principal;
    this.account = account;
    this.deployment = deployment;
    this.modelRequest = modelRequest;
    this.jsonBody = jsonBody;
  }

  public Request request() {
    return request;
  }

  public Route route() {
    return request.route();
  }

  public Exchange withCaller(Principal principal, AccountRuntime account) {
    request.facts().caller(principal, account);
    return new Exchange(
        request,
        requireNonNull(principal, "principal is null"),
        requireNonNull(account, "account is null"),
        deployment,
        modelRequest,
        jsonBody);
  }

  public Exchange withJsonBody(ObjectNode body) {
    return new Exchange(
        request,
        principal,
        account,
        deployment,
        modelRequest,
        requireNonNull(body, "body is null"));
  }

  public Exchange withDeployment(DeploymentRuntime deployment) {
    request.facts().deployment(deployment);
    return new Exchange(
        request,
        principal,
        account,
        requireNonNull(deployment, "deployment is null"),
        modelRequest,
        jsonBody);
  }

  public Exchange withModelRequest(ModelRequest modelRequest) {
    request.facts().modelRequest(modelRequest);
    return new Exchange(
        request,
        principal,
        account,
        deployment,
        requireNonNull(modelRequest, "modelRequest is null"),
        jsonBody);
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

  private static <T> T require(T value, String stage) {
    if (value == null) {
      throw new IllegalStateException(stage + " has not run for this exchange");
    }
    return value;
  }
}
