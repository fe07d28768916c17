package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Account;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.testing.TestingServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployments and keys forms over HTTP: each change lands through the control plane, and bad
 * input gets a clear error page with nothing changed.
 */
class PortalFormsTest {
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
  private static TestingServer server;
  private static PortalClient client;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    client = new PortalClient(server.endpoint());
    assertThat(client.signIn(server.server().adminToken()).statusCode()).isEqualTo(303);
    client.get(BASE + "/deployments");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Account account() {
    return server
        .server()
        .control()
        .account(
            server.server().subscriptionId(),
            Bootstrap.DEFAULT_RESOURCE_GROUP,
            Bootstrap.DEFAULT_ACCOUNT);
  }

  private static List<Deployment> deployments() {
    return server.server().control().deployments(account());
  }

  private static Map<String, String> create(String name) {
    var fields = new HashMap<String, String>();
    fields.put("name", name);
    fields.put("model", "gpt-4o@2024-11-20");
    fields.put("sku", "Standard");
    fields.put("capacity", "5");
    fields.put("policy", "Microsoft.Default");
    return fields;
  }

  @Test
  void createsScalesFiltersAndDeletesADeployment() {
    var created = client.post(BASE + "/deployments", create("forms-a"));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(client.get(BASE + "/deployments").body()).contains("forms-a");
    assertThat(
            client
                .post(BASE + "/deployments/forms-a/capacity", Map.of("capacity", "7"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            client
                .post(BASE + "/deployments/forms-a/policy", Map.of("policy", "Microsoft.DefaultV2"))
                .statusCode())
        .isEqualTo(303);
    Deployment d = server.server().control().deployment(account(), "forms-a");
    assertThat(d.sku().capacity()).isEqualTo(7);
    assertThat(d.raiPolicyName()).isEqualTo("Microsoft.DefaultV2");
    assertThat(d.model().version()).isEqualTo("2024-11-20");
    assertThat(client.post(BASE + "/deployments/forms-a/delete", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(deployments()).noneMatch(x -> x.name().equals("forms-a"));
  }

  @Test
  void badInputShowsAnErrorAndChangesNothing() {
    int before = deployments().size();
    var notANumber = create("forms-b");
    notANumber.put("capacity", "many");
    assertError(client.post(BASE + "/deployments", notANumber), 400, "whole number");
    var zero = create("forms-b");
    zero.put("capacity", "0");
    assertError(client.post(BASE + "/deployments", zero), 400, "at least 1");
    var noName = create("forms-b");
    noName.remove("name");
    assertError(client.post(BASE + "/deployments", noName), 400, "name");
    var badName = create("bad name!");
    assertError(client.post(BASE + "/deployments", badName), 400, "invalid");
    var unknownModel = create("forms-b");
    unknownModel.put("model", "no-such-model@1");
    assertThat(client.post(BASE + "/deployments", unknownModel).statusCode()).isBetween(400, 404);
    var noVersion = create("forms-b");
    noVersion.put("model", "gpt-4o");
    assertError(client.post(BASE + "/deployments", noVersion), 400, "catalog");
    var unknownPolicy = create("forms-b");
    unknownPolicy.put("policy", "NoSuchPolicy");
    assertError(client.post(BASE + "/deployments", unknownPolicy), 400, "NoSuchPolicy");
    assertThat(deployments()).hasSize(before);
  }

  @Test
  void anotherResourcesIdsAreNotFound() {
    String other = "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/no-such-account";
    assertThat(client.get(other).statusCode()).isEqualTo(404);
    assertThat(client.get(other + "/deployments").statusCode()).isEqualTo(404);
    assertThat(client.post(other + "/deployments", create("forms-c")).statusCode()).isEqualTo(404);
    assertThat(client.post(other + "/keys/regenerate", Map.of("keyName", "key1")).statusCode())
        .isEqualTo(404);
    assertThat(
            client
                .post(BASE + "/deployments/no-such/capacity", Map.of("capacity", "3"))
                .statusCode())
        .isEqualTo(404);
    assertThat(client.post(BASE + "/deployments/no-such/delete", Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void anOversizeFormIsRefused() {
    var huge = create("forms-d");
    huge.put("padding", "x".repeat(17 * 1024 * 1024));
    var response = client.post(BASE + "/deployments", huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(deployments()).noneMatch(x -> x.name().equals("forms-d"));
  }

  @Test
  void regeneratingAKeyShowsItOnceAndTheOldOneIsRefused() {
    String old = server.server().defaultKeys().key2();
    var page = client.post(BASE + "/keys/regenerate", Map.of("keyName", "key2"));
    assertThat(page.statusCode()).isEqualTo(200);
    String fresh = server.server().defaultKeys().key2();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(page.body()).contains(fresh).doesNotContain(old);
    assertThat(client.get(BASE + "/keys").body()).doesNotContain(fresh);
    assertError(
        client.post(BASE + "/keys/regenerate", Map.of("keyName", "key3")), 400, "Key1 or Key2");
  }

  private static void assertError(
      java.net.http.HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains(message);
  }
}
