package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Usage rows summed per account, deployment, caller, the caller's groups, tags and day: what
 * reports and budgets are both computed from.
 *
 * @param groups the caller's Entra groups, sorted; empty for key and internal callers
 * @param picoUsd the sum of the rows' costs in 10⁻¹² USD
 */
public record CostLine(
    String account,
    String resourceGroup,
    String deployment,
    String caller,
    List<String> groups,
    Map<String, String> tags,
    LocalDate day,
    long requests,
    long promptTokens,
    long completionTokens,
    long cachedPromptTokens,
    long picoUsd) {
  public CostLine {
    requireNonNull(account, "account is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(caller, "caller is null");
    groups = List.copyOf(groups);
    tags = Map.copyOf(tags);
    requireNonNull(day, "day is null");
  }

  /** A line of a caller without groups. */
  public CostLine(
      String account,
      String resourceGroup,
      String deployment,
      String caller,
      Map<String, String> tags,
      LocalDate day,
      long requests,
      long promptTokens,
      long completionTokens,
      long cachedPromptTokens,
      long picoUsd) {
    this(
        account,
        resourceGroup,
        deployment,
        caller,
        List.of(),
        tags,
        day,
        requests,
        promptTokens,
        completionTokens,
        cachedPromptTokens,
        picoUsd);
  }

  /** The ARM id of the account the usage was on. */
  public String accountId(String subscription) {
    return "/subscriptions/"
        + subscription
        + "/resourceGroups/"
        + resourceGroup
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + account;
  }

  /** The ARM id of the deployment, or of the account for usage without one. */
  public String resourceId(String subscription) {
    return deployment.isEmpty()
        ? accountId(subscription)
        : accountId(subscription) + "/deployments/" + deployment;
  }
}
