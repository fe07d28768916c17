package dev.lazurite.safety;

import java.util.List;

/**
 * A content filter policy ({@code raiPolicies}): its filters per source, its blocklists, and how
 * streams are filtered.
 *
 * @param mode {@code Default} (text is held back until classified), {@code Asynchronous_filter}
 *     (text flows and annotations follow; {@code Deferred} in older api-versions) or {@code
 *     Blocking}
 * @param type {@code SystemManaged} for the built-in policies, else {@code UserManaged}
 */
public record RaiPolicy(
    String name,
    String type,
    String mode,
    String basePolicyName,
    List<ContentFilter> contentFilters,
    List<BlocklistRef> customBlocklists) {
  public RaiPolicy {
    contentFilters = List.copyOf(contentFilters);
    customBlocklists = List.copyOf(customBlocklists);
  }

  public static final String DEFAULT = "Microsoft.Default";
  public static final String DEFAULT_V2 = "Microsoft.DefaultV2";

  /** Azure's default: Medium on the four harm categories both ways, plus prompt shields. */
  public static RaiPolicy builtIn(String name) {
    List<ContentFilter> filters = new java.util.ArrayList<>();
    for (String category : List.of("hate", "sexual", "violence", "selfharm")) {
      filters.add(new ContentFilter(category, true, true, "Medium", "Prompt"));
      filters.add(new ContentFilter(category, true, true, "Medium", "Completion"));
    }
    filters.add(new ContentFilter("jailbreak", true, true, "", "Prompt"));
    if (name.equals(DEFAULT_V2)) {
      filters.add(new ContentFilter("protected_material_text", true, true, "", "Completion"));
      filters.add(new ContentFilter("protected_material_code", true, false, "", "Completion"));
    }
    return new RaiPolicy(name, "SystemManaged", "Default", "", filters, List.of());
  }

  public static List<RaiPolicy> builtIns() {
    return List.of(builtIn(DEFAULT), builtIn(DEFAULT_V2));
  }

  public static boolean isBuiltIn(String name) {
    return name.equals(DEFAULT) || name.equals(DEFAULT_V2);
  }
}
