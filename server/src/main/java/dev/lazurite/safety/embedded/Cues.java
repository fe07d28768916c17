package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Patterns that mark prompt attacks whatever their wording: telling a model to drop its
 * instructions, role tags pasted into text, text that addresses an AI reading it, requests to send
 * secrets away, and asks for a model without rules. Each match adds a cue term that the models
 * weigh like any other; a cue alone decides nothing.
 */
final class Cues {
  private static final String AI =
      "(?:ai|a\\.i\\.|assistant|chat ?bot|bot|copilot|agent|language model|llm|model|gpt|chatgpt"
          + "|summari[sz]er|reviewer|screening tool|triage bot)s?";

  private static final Map<String, Pattern> CUES =
      Map.of(
          "#override",
          Pattern.compile(
              "\\b(?:ignore|disregard|forget|override|bypass|skip|drop)\\b(?:\\W+\\w+){0,5}?\\W+"
                  + "(?:instructions?|prompts?|rules|guidelines|directions|context|system"
                  + " (?:message|prompt)|programming|training|polic(?:y|ies)|restrictions)\\b"),
          "#role-tag",
          Pattern.compile(
              "\\[/?(?:system|inst)\\]|</?system>|<\\|im_start\\|>|(?:^|\\W)system\\s*:"
                  + "|\\bsystem (?:override|instruction|message)\\b"),
          "#address-ai",
          Pattern.compile(
              "(?:^|[.!?;]\\s*|\\(|\\[|<!--\\s*)(?:dear |attention |hey )?"
                  + AI
                  + "\\s*[,:]"
                  + "|\\b(?:note|instructions?|message|reminder|p\\.?s\\.?)\\s+(?:to|for)\\s+"
                  + "(?:the |any |all )?(?:\\w+ )?"
                  + AI
                  + "\\b|\\bif you are an? (?:\\w+ )?"
                  + AI
                  + "\\b|\\b(?:any|an|every) (?:\\w+ )?"
                  + AI
                  + " (?:reading|processing|summari[sz]ing|that|who)\\b|(?<!(?:the|our|your|this) )\\b"
                  + AI
                  + " (?:must|is instructed|are instructed)\\b"),
          "#exfiltrate",
          Pattern.compile(
              "\\b(?:send|forward|email|upload|include|exfiltrate|share|reveal|print|output)\\b"
                  + "(?:\\W+\\w+){0,6}?\\W+(?:passwords?|credentials|api keys?|emails|contacts"
                  + "|conversation history|files|personal data|pin|secrets?|system prompt)\\b"),
          "#no-rules",
          Pattern.compile(
              "\\b(?:no|without|free of|free from|removed|disabled?|off)\\W+(?:\\w+\\W+){0,2}?"
                  + "(?:restrictions|rules|filters?|limits|guidelines|censorship|ethics|morals"
                  + "|guardrails|warnings)\\b|\\bun(?:restricted|censored|filtered)\\b"
                  + "|\\bjailbr(?:eak|oken)\\b|\\bdeveloper mode\\b|\\bdo anything now\\b"),
          "#persona",
          Pattern.compile(
              "\\b(?:you are now|from now on|pretend (?:to be|you)|act as|roleplay as"
                  + "|stay in character|you will (?:now )?act)\\b"),
          "#decode-follow",
          Pattern.compile(
              "\\b(?:decode|decipher|decrypt|translate|reverse|unscramble|convert|rot-?13"
                  + "|base64|hex)\\b[^\\n]{0,120}?\\b(?:follow|obey|execute|carry out|act on"
                  + "|do (?:exactly )?what|treat it as|comply|as (?:your )?(?:new )?(?:system"
                  + " prompt|instructions?|orders?|directives?))"));

  private Cues() {}

  /**
   * Words (as stems) of which a text must contain at least one before a cue's pattern is tried; the
   * patterns are costly, and most windows contain none of these words.
   */
  private static final Map<String, java.util.Set<String>> GATES =
      Map.of(
          "#override",
          stems("ignore disregard forget override bypass skip drop"),
          "#role-tag",
          stems("system inst im_start"),
          "#address-ai",
          stems(
              "ai assistant assistants chatbot bot bots copilot agent agents model models llm gpt"
                  + " chatgpt summariser summarizer summarising summarizing reviewer screening"
                  + " triage"),
          "#exfiltrate",
          stems("send forward email upload include exfiltrate share reveal print output"),
          "#no-rules",
          stems(
              "restrictions rules filter filters limits guidelines censorship ethics morals"
                  + " guardrails warnings unrestricted uncensored unfiltered jailbreak jailbroken"
                  + " developer anything"),
          "#persona",
          stems("now pretend act roleplay character will"),
          "#decode-follow",
          stems("decode decipher decrypt translate reverse unscramble convert rot13 base64 hex"));

  private static java.util.Set<String> stems(String words) {
    return java.util.Set.copyOf(TextFeatures.stems(words));
  }

  /**
   * Strings of which a lower-case text must contain one for a cue's pattern to match it at all: the
   * object a verb acts on ("ignore … instructions"), the phrase a persona is put on with, or the
   * name of the AI that a text addresses. Checking them is much cheaper than trying the pattern,
   * and everyday sentences that open a cue's gate with a common verb ("send", "will") seldom hold
   * them.
   */
  private static final Map<String, List<String>> NEEDS =
      Map.of(
          "#address-ai",
          List.of(
              "ai",
              "a.i.",
              "assistant",
              "bot",
              "copilot",
              "agent",
              "model",
              "llm",
              "gpt",
              "summariser",
              "summarizer",
              "reviewer",
              "screening tool"),
          "#role-tag",
          List.of("system", "inst]", "<|im_start|>"),
          "#no-rules",
          List.of(
              "restrictions",
              "unrestricted",
              "rules",
              "filter",
              "limits",
              "guidelines",
              "censor",
              "ethics",
              "morals",
              "guardrails",
              "warnings",
              "jailbr",
              "developer mode",
              "do anything now"),
          "#override",
          List.of(
              "instruction",
              "prompt",
              "rules",
              "guidelines",
              "directions",
              "context",
              "system",
              "programming",
              "training",
              "polic",
              "restrictions"),
          "#exfiltrate",
          List.of(
              "password",
              "credentials",
              "api key",
              "emails",
              "contacts",
              "conversation history",
              "files",
              "personal data",
              "pin",
              "secret",
              "system prompt"),
          "#persona",
          List.of(
              "you are now",
              "from now on",
              "pretend ",
              "act as",
              "roleplay as",
              "stay in character",
              "you will "),
          "#decode-follow",
          List.of(
              "follow",
              "obey",
              "execute",
              "carry out",
              "act on",
              "what",
              "treat it as",
              "comply",
              "system prompt",
              "instruction",
              "order",
              "directive"));

  private static boolean mayMatch(String cue, String lower) {
    List<String> needs = NEEDS.get(cue);
    if (needs == null) {
      return true;
    }
    for (String s : needs) {
      if (lower.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The cues in the order a text's cue terms are listed. */
  private static final List<String> ORDER =
      List.of(
          "#address-ai",
          "#decode-follow",
          "#exfiltrate",
          "#no-rules",
          "#override",
          "#persona",
          "#role-tag");

  /**
   * For each stem in a gate, the cues whose gate it opens: bit {@code i} for {@code ORDER.get(i)}.
   * A text's stems are looked up once here rather than once per gate.
   */
  private static final Map<String, Integer> OPENS = opens();

  private static Map<String, Integer> opens() {
    Map<String, Integer> opens = new java.util.HashMap<>();
    for (int i = 0; i < ORDER.size(); i++) {
      int bit = 1 << i;
      GATES.get(ORDER.get(i)).forEach(stem -> opens.merge(stem, bit, (a, b) -> a | b));
    }
    return Map.copyOf(opens);
  }

  /**
   * The cue terms that a text shows; {@code stems} are the text's English stems, or null for a text
   * in another language (every pattern is then tried).
   */
  static List<String> of(String text, java.util.Collection<String> stems) {
    int open = stems == null ? -1 : 0;
    if (stems != null) {
      for (String stem : stems) {
        open |= OPENS.getOrDefault(stem, 0);
      }
    }
    String lower = null;
    List<String> out = new java.util.ArrayList<>(2);
    for (int i = 0; i < ORDER.size() && open != 0; i++) {
      String cue = ORDER.get(i);
      if ((open & (1 << i)) == 0) {
        continue;
      }
      if (lower == null) {
        lower = text.toLowerCase(java.util.Locale.ROOT);
      }
      if (mayMatch(cue, lower) && CUES.get(cue).matcher(lower).find()) {
        out.add(cue);
      }
    }
    return out;
  }
}
