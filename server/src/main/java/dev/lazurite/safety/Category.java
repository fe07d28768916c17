package dev.lazurite.safety;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a classifier reports on: the four harm categories, each with a severity, and the two prompt
 * shields, each a detection.
 *
 * @param wire the annotation key ({@code self_harm})
 * @param policy the filter name in a policy ({@code selfharm})
 */
public enum Category {
  HATE("hate", "hate", false),
  SEXUAL("sexual", "sexual", false),
  VIOLENCE("violence", "violence", false),
  SELF_HARM("self_harm", "selfharm", false),
  JAILBREAK("jailbreak", "jailbreak", true),
  INDIRECT_ATTACK("indirect_attack", "indirect_attack", true);

  private final String wire;
  private final String policy;
  private final boolean detection;

  Category(String wire, String policy, boolean detection) {
    this.wire = wire;
    this.policy = policy;
    this.detection = detection;
  }

  public static final List<Category> HARMS = List.of(HATE, SEXUAL, VIOLENCE, SELF_HARM);

  public String wire() {
    return wire;
  }

  public String policy() {
    return policy;
  }

  /** A shield (detected or not) rather than a harm with a severity. */
  public boolean detection() {
    return detection;
  }

  /** Accepts the wire name, the policy name and Azure's other spellings. */
  public static Optional<Category> parse(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    for (Category c : values()) {
      if (c.policy.replace("_", "").equals(key) || c.wire.replace("_", "").equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
