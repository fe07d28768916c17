package dev.lazurite.pipeline;

import dev.lazurite.api.ModelRequest;
import dev.lazurite.auth.Principal;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import java.util.Optional;

/**
 * What the stages have learned about one request so far, shared by every {@link Exchange} made from
 * it, so that the outer stages (metering, response headers) see what inner stages resolved. Written
 * only through the exchange's {@code with…} methods, on the request's thread.
 */
public final class Facts {
  private volatile Principal principal;
  private volatile AccountRuntime account;
  private volatile DeploymentRuntime deployment;
  private volatile ModelRequest modelRequest;
  private volatile dev.lazurite.safety.Screening documentScreening;

  void caller(Principal principal, AccountRuntime account) {
    this.principal = principal;
    this.account = account;
  }

  void deployment(DeploymentRuntime deployment) {
    this.deployment = deployment;
  }

  void modelRequest(ModelRequest modelRequest) {
    this.modelRequest = modelRequest;
  }

  /** What the content filter found in retrieved documents (On Your Data). */
  public void documentScreening(dev.lazurite.safety.Screening screening) {
    this.documentScreening = screening;
  }

  public Optional<dev.lazurite.safety.Screening> documentScreening() {
    return Optional.ofNullable(documentScreening);
  }

  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  public Optional<AccountRuntime> account() {
    return Optional.ofNullable(account);
  }

  public Optional<DeploymentRuntime> deployment() {
    return Optional.ofNullable(deployment);
  }

  public Optional<ModelRequest> modelRequest() {
    return Optional.ofNullable(modelRequest);
  }
}
