package dev.lazurite.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code $filter} grammar ARM accepts for role definitions and assignments. */
class RoleFiltersTest {
  @Test
  void roleNameFiltersMatchOneRoleInAnyCaseWithOdataQuoting() {
    var owner = RoleFilters.definitions(Optional.of("roleName eq 'owner'"));
    assertThat(BuiltInRoles.ALL.stream().filter(owner)).containsExactly(BuiltInRoles.OWNER);
    var quoted = RoleFilters.definitions(Optional.of("roleName eq 'It''s mine'"));
    assertThat(BuiltInRoles.ALL.stream().filter(quoted)).isEmpty();
    assertThat(BuiltInRoles.ALL.stream().filter(RoleFilters.definitions(Optional.empty())))
        .hasSize(BuiltInRoles.ALL.size());
    assertThat(BuiltInRoles.ALL.stream().filter(RoleFilters.definitions(Optional.of("  "))))
        .hasSize(BuiltInRoles.ALL.size());
  }

  @Test
  void unsupportedDefinitionFiltersAreRefused() {
    for (String bad :
        new String[] {
          "roleName eq Owner", "roleName eq 'Owner' or roleName eq 'Reader'", "name eq 'x'", "'"
        }) {
      assertThatThrownBy(() -> RoleFilters.definitions(Optional.of(bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.errorCode().code()).isEqualTo("UnsupportedQuery"));
    }
  }

  @Test
  void assignmentFiltersCombineAtScopeWithOnePrincipalClause() {
    assertThat(RoleFilters.assignments(Optional.empty()))
        .isEqualTo(RoleFilters.AssignmentFilter.NONE);
    var both = RoleFilters.assignments(Optional.of("atScope() and principalId eq 'abc'"));
    assertThat(both.atScope()).isTrue();
    assertThat(both.principalId()).contains("abc");
    var group = RoleFilters.assignments(Optional.of("assignedTo('def') AND atScope()"));
    assertThat(group.atScope()).isTrue();
    assertThat(group.assignedTo()).contains("def");
    for (String bad :
        new String[] {
          "atScope() and atScope()",
          "principalId eq 'a' and assignedTo('b')",
          "roleDefinitionId eq 'x'",
          "principalId eq 'a' or principalId eq 'b'"
        }) {
      assertThatThrownBy(() -> RoleFilters.assignments(Optional.of(bad)))
          .as(bad)
          .isInstanceOf(ApiException.class);
    }
  }
}
