package dev.lazurite.safety;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code content_filter_results} the way Azure does: a severity for each harm category, a
 * detection for each enabled shield or extra filter, the blocklists that matched, keys in
 * alphabetical order.
 */
final class Annotations {
  private Annotations() {}

  /** What one text (or all of a prompt's texts) came to under a policy. */
  record Findings(
      Assessment assessment,
      boolean documents,
      boolean profanity,
      List<BlocklistMatcher> blocklistHits) {}

  static Screening prompt(FilterPolicy policy, Findings f) {
    return build(
        policy.prompt(),
        policy.promptExtras(),
        !policy.promptBlocklists().isEmpty(),
        f,
        List.of(Category.JAILBREAK, Category.INDIRECT_ATTACK));
  }

  static Screening completion(FilterPolicy policy, Findings f) {
    return build(
        policy.completion(),
        policy.completionExtras(),
        !policy.completionBlocklists().isEmpty(),
        f,
        List.of());
  }

  private static Screening build(
      Map<Category, FilterPolicy.Rule> rules,
      Map<String, FilterPolicy.Rule> extras,
      boolean hasBlocklists,
      Findings f,
      List<Category> shields) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    Map<String, ObjectNode> out = new TreeMap<>();
    boolean blocked = false;
    if (f.assessment().error().isPresent()) {
      out.put(
          "error",
          json.objectNode()
              .put("code", "content_filter_error")
              .put(
                  "message",
                  f.assessment().decided()
                      ? "The external content filter did not answer; the embedded one decided"
                      : "The contents are not filtered"));
    }
    if (f.assessment().decided()) {
      for (Category c : Category.HARMS) {
        Severity s = f.assessment().severity(c);
        FilterPolicy.Rule rule = rules.get(c);
        boolean filtered = rule != null && rule.filters(s);
        blocked |= filtered;
        out.put(c.wire(), json.objectNode().put("filtered", filtered).put("severity", s.wire()));
      }
      for (Category c : shields) {
        FilterPolicy.Rule rule = rules.get(c);
        if (rule == null || (c == Category.INDIRECT_ATTACK && !f.documents())) {
          continue;
        }
        boolean detected = f.assessment().detected(c);
        blocked |= detected && rule.blocking();
        out.put(c.wire(), detection(detected && rule.blocking(), detected));
      }
    }
    FilterPolicy.Rule profanity = extras.get("profanity");
    if (profanity != null) {
      blocked |= f.profanity() && profanity.blocking();
      out.put("profanity", detection(f.profanity() && profanity.blocking(), f.profanity()));
    }
    for (String material : List.of("protected_material_text", "protected_material_code")) {
      if (extras.containsKey(material)) {
        out.put(material, detection(false, false));
      }
    }
    if (hasBlocklists) {
      ObjectNode lists = json.objectNode();
      ArrayNode details = json.arrayNode();
      boolean any = false;
      for (BlocklistMatcher hit : f.blocklistHits()) {
        details.addObject().put("filtered", hit.blocking()).put("id", hit.name());
        any |= hit.blocking();
      }
      blocked |= any;
      lists.put("filtered", any).set("details", details);
      out.put("custom_blocklists", lists);
    }
    ObjectNode results = json.objectNode();
    out.forEach(results::set);
    return new Screening(results, blocked);
  }

  private static ObjectNode detection(boolean filtered, boolean detected) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("filtered", filtered)
        .put("detected", detected);
  }
}
