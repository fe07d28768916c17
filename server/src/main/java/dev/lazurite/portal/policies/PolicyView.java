package dev.lazurite.portal.policies;

import dev.lazurite.safety.BlocklistRef;
import dev.lazurite.safety.ContentFilter;
import dev.lazurite.safety.RaiPolicy;
import java.util.List;

/**
 * A content filter policy as the policies page shows it.
 *
 * @param filters every filter, prompt side first
 * @param blocklists the custom blocklists it applies, each with its source
 */
public record PolicyView(
    String name,
    String type,
    String mode,
    String basePolicy,
    List<FilterView> filters,
    List<String> blocklists) {
  public PolicyView {
    filters = List.copyOf(filters);
    blocklists = List.copyOf(blocklists);
  }

  /** The harm categories the list shows a threshold for. */
  public static final List<String> CATEGORIES = List.of("hate", "sexual", "violence", "selfharm");

  /**
   * A harm category's threshold on the prompt and on the completion; "off" when that filter is
   * disabled, "—" when the policy has none.
   */
  public String threshold(String category, String source) {
    return filters.stream()
        .filter(f -> f.category().equals(category) && f.source().equals(source))
        .findFirst()
        .map(f -> f.enabled() ? f.threshold() : "off")
        .orElse("—");
  }

  /** One filter: its category, where it applies, and what it does. */
  public record FilterView(
      String category, String source, boolean enabled, boolean blocking, String threshold) {}

  static PolicyView of(RaiPolicy p) {
    return new PolicyView(
        p.name(),
        p.type(),
        p.mode(),
        p.basePolicyName(),
        p.contentFilters().stream()
            .sorted((a, b) -> Boolean.compare(b.prompt(), a.prompt()))
            .map(PolicyView::filter)
            .toList(),
        p.customBlocklists().stream().map(PolicyView::blocklist).toList());
  }

  private static FilterView filter(ContentFilter f) {
    return new FilterView(
        f.name(),
        f.source(),
        f.enabled(),
        f.blocking(),
        f.severityThreshold().isEmpty() ? "—" : f.severityThreshold());
  }

  private static String blocklist(BlocklistRef b) {
    return b.blocklistName() + " (" + b.source() + (b.blocking() ? ", blocking" : "") + ")";
  }
}
