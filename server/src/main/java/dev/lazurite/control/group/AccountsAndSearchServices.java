package dev.lazurite.control.group;

import dev.lazurite.control.ControlPlane;
import dev.lazurite.searchservice.SearchServices;

/** The resources a group holds today: Cognitive Services accounts and search services. */
public record AccountsAndSearchServices(ControlPlane control, SearchServices search)
    implements ResourceGroups.Contents {
  @Override
  public void deleteAll(String subscription, String resourceGroup) {
    control.accounts().stream()
        .filter(a -> a.subscriptionId().equalsIgnoreCase(subscription))
        .filter(a -> a.resourceGroup().equalsIgnoreCase(resourceGroup))
        .forEach(control::deleteAccount);
    search.list().stream()
        .filter(s -> s.subscription().equalsIgnoreCase(subscription))
        .filter(s -> s.resourceGroup().equalsIgnoreCase(resourceGroup))
        .forEach(s -> search.delete(s.name(), s.resourceGroup()));
  }
}
