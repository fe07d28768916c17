package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves az's {@code --assignee} to a principal's object id, as az does against Microsoft Graph:
 * an object id (of a service principal, managed identity, user or group), the appId of a service
 * principal, client id of a managed identity or principal name of a user, or a display name that
 * names one principal.
 */
final class Assignees {
  private Assignees() {}

  /** One directory object: its object id and the other names it can be given by. */
  record Principal(String objectId, String clientId, String displayName) {}

  static String resolve(ArmClient arm, String assignee) throws IOException, InterruptedException {
    return resolve(directory(arm), assignee);
  }

  static String resolve(List<Principal> directory, String assignee) {
    for (Principal p : directory) {
      if (p.objectId().equalsIgnoreCase(assignee)) {
        return p.objectId();
      }
    }
    for (Principal p : directory) {
      if (p.clientId() != null && p.clientId().equalsIgnoreCase(assignee)) {
        return p.objectId();
      }
    }
    Set<String> named = new LinkedHashSet<>();
    for (Principal p : directory) {
      if (p.displayName().equals(assignee)) {
        named.add(p.objectId());
      }
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "More than one principal has the display name '%s' (%s). Pass an object id or appId."
              .formatted(assignee, String.join(", ", named)));
    }
    if (named.isEmpty()) {
      throw new IllegalArgumentException(
          ("Cannot find user or service principal in graph database for '%s'. If the assignee is"
                  + " an appId, make sure the corresponding service principal is created with"
                  + " 'az ad sp create --id %s'.")
              .formatted(assignee, assignee));
    }
    return named.iterator().next();
  }

  private static List<Principal> directory(ArmClient arm) throws IOException, InterruptedException {
    List<Principal> all = new ArrayList<>();
    for (JsonNode sp : get(arm, "/servicePrincipals")) {
      all.add(
          new Principal(
              sp.path("objectId").asText(),
              sp.path("appId").asText(null),
              sp.path("displayName").asText()));
    }
    for (JsonNode mi : get(arm, "/managedIdentities")) {
      all.add(
          new Principal(
              mi.path("principalId").asText(),
              mi.path("clientId").asText(null),
              mi.path("name").asText()));
    }
    for (JsonNode user : get(arm, "/users")) {
      all.add(
          new Principal(
              user.path("objectId").asText(),
              user.path("userPrincipalName").asText(null),
              user.path("displayName").asText()));
    }
    for (JsonNode group : get(arm, "/groups")) {
      all.add(
          new Principal(group.path("objectId").asText(), null, group.path("displayName").asText()));
    }
    return all;
  }

  private static JsonNode get(ArmClient arm, String collection)
      throws IOException, InterruptedException {
    return Output.values(arm.send("GET", IdentityCommand.BASE + collection, null));
  }
}
