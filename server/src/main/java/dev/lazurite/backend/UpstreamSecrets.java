package dev.lazurite.backend;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an upstream key from the environment variable a backend names ({@code --api-key-env}), for
 * backends whose key is not stored with them.
 */
@FunctionalInterface
public interface UpstreamSecrets {
  /** The process environment. */
  UpstreamSecrets PROCESS = of(System::getenv);

  /** No variables at all. */
  UpstreamSecrets NONE = variable -> Optional.empty();

  /**
   * @return the variable's value; empty when it is unset or blank
   */
  Optional<String> read(String variable);

  /**
   * @param variables the value of a variable, or null when it is unset
   */
  static UpstreamSecrets of(Function<String, String> variables) {
    return variable -> Optional.ofNullable(variables.apply(variable)).filter(v -> !v.isBlank());
  }
}
