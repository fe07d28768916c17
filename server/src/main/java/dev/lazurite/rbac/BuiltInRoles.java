package dev.lazurite.rbac;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Azure's built-in roles for Cognitive Services and Search, and the general ones (Owner,
 * Contributor, Reader and the two that grant access), with their ids and actions.
 */
public final class BuiltInRoles {
  private static final String CS = "Microsoft.CognitiveServices";
  private static final String OPENAI = CS + "/accounts/OpenAI";

  public static final RoleDefinition OPENAI_USER =
      new RoleDefinition(
          "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
          "Cognitive Services OpenAI User",
          "Read access to view files, models, deployments. The ability to create completion and embedding calls.",
          List.of(
              CS + "/*/read",
              "Microsoft.Authorization/roleAssignments/read",
              "Microsoft.Authorization/roleDefinitions/read"),
          List.of(
              OPENAI + "/*/read",
              OPENAI + "/engines/completions/action",
              OPENAI + "/engines/search/action",
              OPENAI + "/engines/generate/action",
              OPENAI + "/deployments/audio/action",
              OPENAI + "/deployments/search/action",
              OPENAI + "/deployments/completions/action",
              OPENAI + "/deployments/chat/completions/action",
              OPENAI + "/deployments/extensions/chat/completions/action",
              OPENAI + "/deployments/embeddings/action",
              OPENAI + "/images/generations/action",
              OPENAI + "/responses/*"));

  public static final RoleDefinition OPENAI_CONTRIBUTOR =
      new RoleDefinition(
          "a001fd3d-188f-4b5d-821b-7da978bf7442",
          "Cognitive Services OpenAI Contributor",
          "Full access including the ability to fine-tune, deploy and generate text.",
          List.of(
              CS + "/*/read",
              CS + "/accounts/deployments/write",
              CS + "/accounts/deployments/delete",
              CS + "/accounts/raiPolicies/read",
              CS + "/accounts/raiPolicies/write",
              CS + "/accounts/raiPolicies/delete",
              CS + "/accounts/commitmentplans/read",
              CS + "/accounts/commitmentplans/write",
              CS + "/accounts/commitmentplans/delete",
              "Microsoft.Authorization/roleAssignments/read",
              "Microsoft.Authorization/roleDefinitions/read"),
          List.of(OPENAI + "/*"));

  public static final RoleDefinition CONTRIBUTOR =
      new RoleDefinition(
          "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
          "Cognitive Services Contributor",
          "Lets you create, read, update, delete and manage keys of Cognitive Services.",
          List.of(
              CS + "/*",
              "Microsoft.Authorization/*/read",
              "Microsoft.Resources/deployments/*",
              "Microsoft.Resources/subscriptions/resourceGroups/read"),
          List.of());

  public static final RoleDefinition USER =
      new RoleDefinition(
          "a97b65f3-24c7-4388-baec-2e87135dc908",
          "Cognitive Services User",
          "Lets you read and list keys of Cognitive Services.",
          List.of(CS + "/*/read", CS + "/accounts/listkeys/action"),
          List.of(CS + "/*"));

  public static final RoleDefinition USAGES_READER =
      new RoleDefinition(
          "bba48692-92b0-4667-a9ad-c31c7b334ac2",
          "Cognitive Services Usages Reader",
          "Minimal permission to view Cognitive Services usages.",
          List.of(CS + "/locations/usages/read"),
          List.of());

  public static final RoleDefinition SEARCH_INDEX_DATA_READER =
      new RoleDefinition(
          "1407120a-92aa-4202-b7e9-c0e197c71c8f",
          "Search Index Data Reader",
          "Grants read access to Azure Cognitive Search index data.",
          List.of(),
          List.of("Microsoft.Search/searchServices/indexes/documents/read"));

  public static final RoleDefinition SEARCH_INDEX_DATA_CONTRIBUTOR =
      new RoleDefinition(
          "8ebe5a00-799e-43f5-93ac-243d3dce84a7",
          "Search Index Data Contributor",
          "Grants full access to Azure Cognitive Search index data.",
          List.of(),
          List.of("Microsoft.Search/searchServices/indexes/documents/*"));

  public static final RoleDefinition SEARCH_SERVICE_CONTRIBUTOR =
      new RoleDefinition(
          "7ca78c08-252a-4471-8644-bb5ff32d4ba0",
          "Search Service Contributor",
          "Lets you manage Search services, but not access to them.",
          List.of(
              "Microsoft.Authorization/*/read",
              "Microsoft.Insights/alertRules/*",
              "Microsoft.Resources/deployments/*",
              "Microsoft.Resources/subscriptions/resourceGroups/read",
              "Microsoft.Search/searchServices/*",
              "Microsoft.Support/*"),
          List.of());

  /** Everything, including granting roles to others. */
  public static final RoleDefinition OWNER =
      new RoleDefinition(
          "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
          "Owner",
          "Grants full access to manage all resources, including the ability to assign roles in"
              + " Azure RBAC.",
          List.of("*"),
          List.of());

  /** Everything on the control plane but granting roles. */
  public static final RoleDefinition GENERAL_CONTRIBUTOR =
      new RoleDefinition(
          "b24988ac-6180-42a0-ab88-20f7382dd24c",
          "Contributor",
          "Grants full access to manage all resources, but does not allow you to assign roles in"
              + " Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.",
          List.of("*"),
          List.of(
              "Microsoft.Authorization/*/Delete",
              "Microsoft.Authorization/*/Write",
              "Microsoft.Authorization/elevateAccess/Action",
              "Microsoft.Blueprint/blueprintAssignments/write",
              "Microsoft.Blueprint/blueprintAssignments/delete",
              "Microsoft.Compute/galleries/share/action",
              "Microsoft.Purview/consents/write",
              "Microsoft.Purview/consents/delete",
              "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
              "Microsoft.Subscription/cancel/action",
              "Microsoft.Subscription/enable/action"),
          List.of(),
          List.of());

  public static final RoleDefinition READER =
      new RoleDefinition(
          "acdd72a7-3385-48ef-bd42-f606fba81ae7",
          "Reader",
          "View all resources, but does not allow you to make any changes.",
          List.of("*/read"),
          List.of());

  public static final RoleDefinition USER_ACCESS_ADMINISTRATOR =
      new RoleDefinition(
          "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
          "User Access Administrator",
          "Lets you manage user access to Azure resources.",
          List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"),
          List.of());

  public static final RoleDefinition RBAC_ADMINISTRATOR =
      new RoleDefinition(
          "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
          "Role Based Access Control Administrator",
          "Manage access to Azure resources by assigning roles using Azure RBAC. This role does not"
              + " allow you to manage access using other ways, such as Azure Policy.",
          List.of(
              "Microsoft.Authorization/roleAssignments/write",
              "Microsoft.Authorization/roleAssignments/delete",
              "*/read",
              "Microsoft.Support/*"),
          List.of());

  public static final List<RoleDefinition> ALL =
      List.of(
          OPENAI_USER,
          OPENAI_CONTRIBUTOR,
          CONTRIBUTOR,
          USER,
          USAGES_READER,
          SEARCH_INDEX_DATA_READER,
          SEARCH_INDEX_DATA_CONTRIBUTOR,
          SEARCH_SERVICE_CONTRIBUTOR,
          OWNER,
          GENERAL_CONTRIBUTOR,
          READER,
          USER_ACCESS_ADMINISTRATOR,
          RBAC_ADMINISTRATOR);

  private BuiltInRoles() {}

  /** A role by its name (any case), its id, or its ARM id ending in the id. */
  public static Optional<RoleDefinition> find(String nameOrId) {
    String wanted = nameOrId.strip();
    String id = wanted.substring(wanted.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(r -> r.roleName().equalsIgnoreCase(wanted) || r.id().equals(id))
        .findFirst();
  }
}
