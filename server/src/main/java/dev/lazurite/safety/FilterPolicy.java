package dev.lazurite.safety;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content filter policy as the data plane applies it: what each filter does on the prompt and on
 * the completion, the blocklists compiled, and how streams are filtered. Built from a stored {@link
 * RaiPolicy} whenever the control plane publishes, so that changes apply to the next request.
 *
 * @param asynchronous whether streamed text flows before it is classified ({@code
 *     Asynchronous_filter})
 */
public record FilterPolicy(
    String name,
    boolean asynchronous,
    Map<Category, Rule> prompt,
    Map<Category, Rule> completion,
    Map<String, Rule> promptExtras,
    Map<String, Rule> completionExtras,
    List<BlocklistMatcher> promptBlocklists,
    List<BlocklistMatcher> completionBlocklists) {
  public FilterPolicy {
    prompt = Map.copyOf(prompt);
    completion = Map.copyOf(completion);
    promptExtras = Map.copyOf(promptExtras);
    completionExtras = Map.copyOf(completionExtras);
    promptBlocklists = List.copyOf(promptBlocklists);
    completionBlocklists = List.copyOf(completionBlocklists);
  }

  /**
   * One filter.
   *
   * @param threshold content at or above it is filtered (only for the four harms)
   */
  public record Rule(boolean blocking, Severity threshold) {
    public boolean filters(Severity severity) {
      return blocking && severity != Severity.SAFE && severity.atLeast(threshold);
    }
  }

  /** Azure's default policy, which a deployment without one of its own gets. */
  public static final FilterPolicy DEFAULT =
      resolve(RaiPolicy.builtIn(RaiPolicy.DEFAULT_V2), List.of());

  /** Compiles {@code policy}; {@code blocklists} are the account's, by name. */
  public static FilterPolicy resolve(RaiPolicy policy, List<Blocklist> blocklists) {
    Map<Category, Rule> prompt = new EnumMap<>(Category.class);
    Map<Category, Rule> completion = new EnumMap<>(Category.class);
    Map<String, Rule> promptExtras = new java.util.HashMap<>();
    Map<String, Rule> completionExtras = new java.util.HashMap<>();
    for (ContentFilter f : policy.contentFilters()) {
      if (!f.enabled()) {
        continue;
      }
      Severity threshold = Severity.parse(f.severityThreshold()).orElse(Severity.MEDIUM);
      Rule rule = new Rule(f.blocking(), threshold == Severity.SAFE ? Severity.LOW : threshold);
      Optional<Category> category = Category.parse(f.name());
      if (category.isPresent()) {
        (f.prompt() ? prompt : completion).put(category.get(), rule);
      } else {
        (f.prompt() ? promptExtras : completionExtras).put(f.name(), rule);
      }
    }
    List<BlocklistMatcher> promptLists = new ArrayList<>();
    List<BlocklistMatcher> completionLists = new ArrayList<>();
    for (BlocklistRef ref : policy.customBlocklists()) {
      blocklists.stream()
          .filter(b -> b.name().equals(ref.blocklistName()))
          .findFirst()
          .map(b -> new BlocklistMatcher(b, ref.blocking()))
          .ifPresent(
              m -> (ref.source().equals("Completion") ? completionLists : promptLists).add(m));
    }
    return new FilterPolicy(
        policy.name(),
        !policy.mode().equals("Default") && !policy.mode().equals("Blocking"),
        prompt,
        completion,
        promptExtras,
        completionExtras,
        promptLists,
        completionLists);
  }
}
