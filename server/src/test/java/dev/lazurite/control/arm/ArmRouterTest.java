package dev.lazurite.control.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.auth.Principal;
import dev.lazurite.control.ArmCaller;
import dev.lazurite.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ARM route table: templates, methods, the RBAC action at the path's scope, ARM's errors. */
class ArmRouterTest {
  static final String ACCOUNT =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
          + "/providers/Microsoft.CognitiveServices/accounts/{accountName}";
  static final ArmCaller ADMIN = new ArmCaller.Admin();
  static final ArmCaller NOBODY =
      new ArmCaller.Entra(new Principal.Entra("oid-1", "tenant", "app-1", List.of()), List::of);

  static List<String> path(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  final AtomicInteger calls = new AtomicInteger();
  final ArmRouter router =
      new ArmRouter()
          .route(
              "GET",
              ACCOUNT + "/deployments/{name}",
              ACCOUNT,
              "Microsoft.CognitiveServices/accounts/deployments/read",
              c -> {
                calls.incrementAndGet();
                return ArmResponse.ok(
                    c.value("accountName") + "/" + c.value("name") + " " + c.scope());
              })
          .open(
              "*",
              PathTemplate.of("/subscriptions/{s}/things/{*rest}"),
              c -> ArmResponse.ok(c.value("rest")))
          .open(
              "*",
              new ProviderAnywhere("Microsoft.Authorization"),
              c -> ArmResponse.ok(c.value("scope") + "|" + c.value("rest")));

  @Test
  void matchesLiteralsWithoutCaseAndNamesTheValues() {
    var answer =
        router.dispatch(
            ADMIN,
            "GET",
            path(
                "/subscriptions/s1/resourcegroups/RG/providers/microsoft.cognitiveservices/accounts/a1/Deployments/d1"),
            new byte[0],
            null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "a1/d1 /subscriptions/s1/resourcegroups/RG/providers/microsoft.cognitiveservices/accounts/a1");
  }

  @Test
  void anotherMethodIs405AndAnUnknownPathIsArms404() {
    String deployment =
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1/deployments/d1";
    assertThatThrownBy(() -> router.dispatch(ADMIN, "PUT", path(deployment), new byte[0], null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().status()).isEqualTo(405));
    assertThatThrownBy(
            () -> router.dispatch(ADMIN, "GET", path(deployment + "/extra"), new byte[0], null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.errorCode().status()).isEqualTo(404);
              assertThat(e.getMessage()).contains(deployment + "/extra");
            });
  }

  @Test
  void theActionIsCheckedAtTheScopeBeforeTheHandlerRuns() {
    String deployment =
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1/deployments/d1";
    assertThatThrownBy(() -> router.dispatch(NOBODY, "GET", path(deployment), new byte[0], null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.errorCode().status()).isEqualTo(403);
              assertThat(e.getMessage())
                  .contains("Microsoft.CognitiveServices/accounts/deployments/read")
                  .contains("/accounts/a1'");
            });
    assertThat(calls).hasValue(0);
  }

  @Test
  void restAndProviderPatternsCaptureWhatFollows() {
    assertThat(
            router
                .dispatch(ADMIN, "DELETE", path("/subscriptions/s/things"), new byte[0], null)
                .body())
        .isEqualTo("");
    assertThat(
            router
                .dispatch(ADMIN, "POST", path("/subscriptions/s/things/a/b"), new byte[0], null)
                .body())
        .isEqualTo("a/b");
    assertThat(
            router
                .dispatch(
                    ADMIN,
                    "GET",
                    path(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/x"),
                    new byte[0],
                    null)
                .body())
        .isEqualTo("/subscriptions/s/resourceGroups/rg|roleAssignments/x");
  }

  @Test
  void aTemplateRefusesARestBeforeTheEnd() {
    assertThatThrownBy(() -> PathTemplate.of("/a/{*rest}/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
