package dev.lazurite.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  static final String ACCOUNT =
      "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1";
  static final String CHAT =
      "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action";

  static RoleAssignment assign(String principal, RoleDefinition role, String scope) {
    return new RoleAssignment(
        "id-" + principal + scope.hashCode(), principal, role.id(), scope, Instant.EPOCH);
  }

  @Test
  void matchesWildcardsCaseInsensitively() {
    assertThat(Permissions.matches("Microsoft.CognitiveServices/accounts/OpenAI/*", CHAT)).isTrue();
    assertThat(Permissions.matches("microsoft.cognitiveservices/*", CHAT)).isTrue();
    assertThat(
            Permissions.matches(
                "Microsoft.CognitiveServices/*/read",
                "Microsoft.CognitiveServices/accounts/deployments/read"))
        .isTrue();
    assertThat(
            Permissions.matches(
                "Microsoft.CognitiveServices/*/read",
                "Microsoft.CognitiveServices/accounts/deployments/write"))
        .isFalse();
    assertThat(Permissions.matches(CHAT, CHAT.replace("chat/", ""))).isFalse();
  }

  @Test
  void appliesAssignmentsAtOrAboveTheResourceOnly() {
    assertThat(Permissions.covers("/subscriptions/s1", ACCOUNT)).isTrue();
    assertThat(Permissions.covers("/subscriptions/s1/resourceGroups/RG", ACCOUNT)).isTrue();
    assertThat(Permissions.covers(ACCOUNT, ACCOUNT + "/deployments/d")).isTrue();
    assertThat(Permissions.covers(ACCOUNT + "/deployments/d", ACCOUNT)).isFalse();
    assertThat(Permissions.covers(ACCOUNT.replace("a1", "a"), ACCOUNT))
        .as("a prefix that is not a segment")
        .isFalse();
  }

  @Test
  void grantsDataActionsOnlyThroughRolesThatHaveThem() {
    var assignments =
        List.of(
            assign("user", BuiltInRoles.OPENAI_USER, ACCOUNT),
            assign("contributor", BuiltInRoles.CONTRIBUTOR, "/subscriptions/s1"),
            assign("group", BuiltInRoles.OPENAI_CONTRIBUTOR, ACCOUNT + "/deployments/gpt-4o"));
    assertThat(
            Permissions.allowsDataAction(
                assignments, Set.of("user"), ACCOUNT + "/deployments/x", CHAT))
        .isTrue();
    assertThat(Permissions.allowsDataAction(assignments, Set.of("contributor"), ACCOUNT, CHAT))
        .as("Cognitive Services Contributor has no data actions")
        .isFalse();
    assertThat(
            Permissions.allowsAction(
                assignments,
                Set.of("contributor"),
                ACCOUNT,
                "Microsoft.CognitiveServices/accounts/listKeys/action"))
        .isTrue();
    assertThat(
            Permissions.allowsDataAction(
                assignments, Set.of("someone", "group"), ACCOUNT + "/deployments/gpt-4o", CHAT))
        .isTrue();
    assertThat(
            Permissions.allowsDataAction(
                assignments, Set.of("someone", "group"), ACCOUNT + "/deployments/other", CHAT))
        .isFalse();
    assertThat(
            Permissions.allowsAction(
                assignments,
                Set.of("user"),
                ACCOUNT + "/deployments/x",
                "Microsoft.CognitiveServices/accounts/deployments/write"))
        .isFalse();
  }
}
