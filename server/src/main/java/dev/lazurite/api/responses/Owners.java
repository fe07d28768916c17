package dev.lazurite.api.responses;

import dev.lazurite.auth.Principal;

/**
 * Who owns a stored response: the keys of a resource are one owner (a rotated key keeps its
 * conversations), each Entra principal is its own, and each internal purpose (batch) is its own.
 */
final class Owners {
  private Owners() {}

  static String of(Principal principal) {
    return switch (principal) {
      case Principal.ApiKey ignored -> "keys";
      case Principal.Entra entra -> "entra:" + entra.objectId();
      case Principal.Internal internal -> "internal:" + internal.purpose();
    };
  }
}
