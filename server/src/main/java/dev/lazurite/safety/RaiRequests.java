package dev.lazurite.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates the ARM bodies of policies, blocklists and blocklist items. */
public final class RaiRequests {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("hate", "hate"),
          Map.entry("sexual", "sexual"),
          Map.entry("violence", "violence"),
          Map.entry("selfharm", "selfharm"),
          Map.entry("jailbreak", "jailbreak"),
          Map.entry("indirectattack", "indirect_attack"),
          Map.entry("profanity", "profanity"),
          Map.entry("protectedmaterialtext", "protected_material_text"),
          Map.entry("protectedmaterialcode", "protected_material_code"));
  private static final List<String> MULTI_LEVEL = List.of("hate", "sexual", "violence", "selfharm");
  private static final List<String> MODES =
      List.of("Default", "Deferred", "Blocking", "Asynchronous_filter");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
  private static final int MAX_PATTERN = 1000;

  /** Each filter once per source: nine filters, prompt and completion. */
  private static final int MAX_FILTERS = 18;

  private static final int MAX_BLOCKLISTS = 100;

  private RaiRequests() {}

  /** The canonical filter name for any of Azure's spellings ("Protected Material Text", …). */
  public static String canonical(String name) {
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    String canonical = NAMES.get(key);
    if (canonical == null) {
      throw invalid(
          "Unknown content filter '"
              + name
              + "'. Known filters: Hate, Sexual, Violence, Selfharm, Jailbreak, Indirect Attack,"
              + " Profanity, Protected Material Text, Protected Material Code.");
    }
    return canonical;
  }

  public static void checkName(String what, String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME,
          "The "
              + what
              + " name '"
              + name
              + "' is invalid: use 1-64 letters, digits, '.', '_' or '-'.");
    }
  }

  public static RaiPolicy policy(String name, JsonNode body) {
    checkName("RAI policy", name);
    if (RaiPolicy.isBuiltIn(name)) {
      throw invalid("The built-in policy '" + name + "' cannot be changed; create your own.");
    }
    JsonNode p = body.path("properties");
    if (!p.isObject()) {
      throw invalid("The request must have 'properties'.");
    }
    String mode = text(p, "mode", "Default");
    if (!MODES.contains(mode)) {
      throw invalid("Unknown mode '" + mode + "'; use Default, Asynchronous_filter or Blocking.");
    }
    if (mode.equals("Deferred")) {
      mode = "Asynchronous_filter";
    }
    String base = text(p, "basePolicyName", RaiPolicy.DEFAULT_V2);
    if (!RaiPolicy.isBuiltIn(base)) {
      throw invalid(
          "The base policy '"
              + base
              + "' does not exist; use "
              + RaiPolicy.DEFAULT
              + " or "
              + RaiPolicy.DEFAULT_V2
              + ".");
    }
    List<ContentFilter> filters = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode f : array(p, "contentFilters", MAX_FILTERS)) {
      if (!f.isObject()) {
        throw invalid("Each content filter must be an object.");
      }
      String filter = canonical(text(f, "name", ""));
      String source = source(f);
      String threshold = "";
      if (MULTI_LEVEL.contains(filter)) {
        threshold = text(f, "severityThreshold", "Medium");
        if (!List.of("Low", "Medium", "High").contains(threshold)) {
          throw invalid("Unknown severityThreshold '" + threshold + "'; use Low, Medium or High.");
        }
      }
      if ((filter.equals("jailbreak") || filter.equals("indirect_attack"))
          && !source.equals("Prompt")) {
        throw invalid("The filter '" + filter + "' applies to the prompt only.");
      }
      if (filter.startsWith("protected_material") && !source.equals("Completion")) {
        throw invalid("The filter '" + filter + "' applies to the completion only.");
      }
      if (!seen.add(filter + "/" + source)) {
        throw invalid(
            "The filter '" + text(f, "name", "") + "' is given twice for the " + source + ".");
      }
      filters.add(
          new ContentFilter(
              filter, bool(f, "enabled", true), bool(f, "blocking", true), threshold, source));
    }
    List<BlocklistRef> blocklists = new ArrayList<>();
    java.util.Set<String> lists = new java.util.HashSet<>();
    for (JsonNode b : array(p, "customBlocklists", MAX_BLOCKLISTS)) {
      if (!b.isObject()) {
        throw invalid("Each custom blocklist must be an object.");
      }
      String list = text(b, "blocklistName", "");
      if (list.isEmpty()) {
        throw invalid("Each custom blocklist needs a 'blocklistName'.");
      }
      if (!lists.add(list + "/" + source(b))) {
        throw invalid("The blocklist '" + list + "' is given twice for the same source.");
      }
      blocklists.add(new BlocklistRef(list, bool(b, "blocking", true), source(b)));
    }
    return new RaiPolicy(name, "UserManaged", mode, base, filters, blocklists);
  }

  public static Blocklist.Item item(String name, JsonNode body) {
    checkName("blocklist item", name);
    JsonNode p = body.path("properties");
    if (!p.isObject()) {
      throw invalid("A blocklist item needs 'properties' with a 'pattern'.");
    }
    String pattern = text(p, "pattern", "");
    if (pattern.isBlank() || pattern.length() > MAX_PATTERN) {
      throw invalid("A blocklist item needs a 'pattern' of 1 to " + MAX_PATTERN + " characters.");
    }
    boolean regex = bool(p, "isRegex", false);
    if (regex) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw invalid("The pattern is not a valid regular expression: " + e.getDescription() + ".");
      }
    }
    return new Blocklist.Item(name, pattern, regex);
  }

  private static String source(JsonNode node) {
    String source = text(node, "source", "");
    if (!source.equals("Prompt") && !source.equals("Completion")) {
      throw invalid("Each filter and blocklist needs 'source': Prompt or Completion.");
    }
    return source;
  }

  private static Iterable<JsonNode> array(JsonNode p, String name, int max) {
    JsonNode v = p.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw invalid("'" + name + "' must be an array.");
    }
    if (v.size() > max) {
      throw invalid(
          "'" + name + "' has " + v.size() + " entries; at most " + max + " are allowed.");
    }
    return v;
  }

  private static String text(JsonNode node, String name, String fallback) {
    JsonNode v = node.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw invalid("'" + name + "' must be a string.");
    }
    return v.asText();
  }

  private static boolean bool(JsonNode node, String name, boolean fallback) {
    JsonNode v = node.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw invalid("'" + name + "' must be true or false.");
    }
    return v.asBoolean();
  }

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
