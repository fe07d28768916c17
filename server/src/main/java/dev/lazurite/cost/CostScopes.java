package dev.lazurite.cost;

import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The scope an ARM call names, checked: this server's subscription, and a resource group that
 * exists in it.
 */
public final class CostScopes {
  private final String subscription;
  private final BiPredicate<String, String> groupExists;

  /**
   * @param groupExists whether a resource group exists, given subscription and group name
   */
  public CostScopes(String subscription, BiPredicate<String, String> groupExists) {
    this.subscription = subscription;
    this.groupExists = groupExists;
  }

  ArmScope of(ArmCall c) {
    String sub = c.value("subscriptionId");
    if (!sub.equalsIgnoreCase(subscription)) {
      throw ApiException.of(ErrorCode.ARM_SUBSCRIPTION_NOT_FOUND, sub);
    }
    String group = c.values().get("resourceGroupName");
    if (group == null) {
      return new ArmScope(subscription, Optional.empty());
    }
    if (!groupExists.test(subscription, group)) {
      throw ApiException.of(ErrorCode.ARM_RESOURCE_GROUP_NOT_FOUND, group);
    }
    return new ArmScope(subscription, Optional.of(group));
  }
}
