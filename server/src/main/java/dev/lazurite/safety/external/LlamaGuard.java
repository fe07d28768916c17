package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Llama Guard 3: the model answers {@code safe}, or {@code unsafe} and a line of hazard codes from
 * its published taxonomy (S1 violent crimes … S14 code interpreter abuse), such as {@code
 * unsafe\nS1,S10}. Codes with an Azure category are read as it: S1 and S9 violence, S3 and S4
 * sexual (high), S12 sexual (medium), S10 hate, S11 self-harm; S14 is a jailbreak in a prompt and
 * an indirect attack in a document. The others (non-violent crimes, defamation, specialised advice,
 * privacy, intellectual property, elections) have no Azure category and are not counted.
 *
 * @param writesPrompt whether the request carries Llama Guard's prompt with the taxonomy (for any
 *     instruction model), or only the conversation (for a served Llama Guard whose chat template
 *     writes the prompt itself)
 */
record LlamaGuard(boolean writesPrompt) implements GuardStyle {
  static final String CATEGORIES =
      """
      S1: Violent Crimes.
      S2: Non-Violent Crimes.
      S3: Sex Crimes.
      S4: Child Exploitation.
      S5: Defamation.
      S6: Specialized Advice.
      S7: Privacy.
      S8: Intellectual Property.
      S9: Indiscriminate Weapons.
      S10: Hate.
      S11: Self-Harm.
      S12: Sexual Content.
      S13: Elections.
      S14: Code Interpreter Abuse.
      """;

  private static final Map<String, Map.Entry<Category, Severity>> CODES =
      Map.of(
          "S1", Map.entry(Category.VIOLENCE, Severity.HIGH),
          "S3", Map.entry(Category.SEXUAL, Severity.HIGH),
          "S4", Map.entry(Category.SEXUAL, Severity.HIGH),
          "S9", Map.entry(Category.VIOLENCE, Severity.HIGH),
          "S10", Map.entry(Category.HATE, Severity.HIGH),
          "S11", Map.entry(Category.SELF_HARM, Severity.HIGH),
          "S12", Map.entry(Category.SEXUAL, Severity.MEDIUM));

  @Override
  public Map<Category, Severity> judge(
      GuardChannel channel, String text, Classifier.Source source) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("temperature", 0).put("max_tokens", 20);
    ArrayNode messages = body.putArray("messages");
    boolean agent = source == Classifier.Source.COMPLETION;
    if (writesPrompt) {
      messages.addObject().put("role", "user").put("content", prompt(text, agent));
    } else if (agent) {
      messages.addObject().put("role", "user").put("content", "");
      messages.addObject().put("role", "assistant").put("content", text);
    } else {
      messages.addObject().put("role", "user").put("content", text);
    }
    return read(channel.complete(body), source);
  }

  /** Llama Guard 3's prompt for the last 'User' (or 'Agent') turn of a one-turn conversation. */
  static String prompt(String text, boolean agent) {
    String role = agent ? "Agent" : "User";
    return "Task: Check if there is unsafe content in '"
        + role
        + "' messages in conversations according our safety policy with the below categories.\n\n"
        + "<BEGIN UNSAFE CONTENT CATEGORIES>\n"
        + CATEGORIES
        + "<END UNSAFE CONTENT CATEGORIES>\n\n"
        + "<BEGIN CONVERSATION>\n\n"
        + role
        + ": "
        + text
        + "\n\n<END CONVERSATION>\n\n"
        + "Provide your safety assessment for ONLY THE LAST "
        + role
        + " message in the above conversation:\n"
        + " - First line must read 'safe' or 'unsafe'.\n"
        + " - If unsafe, a second line must include a comma-separated list of violated"
        + " categories.";
  }

  /** Reads {@code safe} or {@code unsafe\nS1,S10}; anything else is not an answer. */
  static Map<Category, Severity> read(String verdict, Classifier.Source source) {
    String lower = verdict.strip().toLowerCase(Locale.ROOT);
    Map<Category, Severity> out = new EnumMap<>(Category.class);
    Category.HARMS.forEach(c -> out.put(c, Severity.SAFE));
    if (lower.startsWith("safe")) {
      return out;
    }
    if (!lower.startsWith("unsafe")) {
      throw new IllegalStateException("the guard model answered neither safe nor unsafe");
    }
    for (String code : verdict.strip().substring("unsafe".length()).split("[\\s,]+")) {
      String c = code.strip().toUpperCase(Locale.ROOT);
      var hit = CODES.get(c);
      if (hit != null) {
        out.merge(hit.getKey(), hit.getValue(), Assessment::worse);
      } else if (c.equals("S14")) {
        switch (source) {
          case PROMPT -> out.put(Category.JAILBREAK, Severity.HIGH);
          case DOCUMENT -> out.put(Category.INDIRECT_ATTACK, Severity.HIGH);
          case SYSTEM, COMPLETION -> {}
        }
      }
    }
    return out;
  }
}
