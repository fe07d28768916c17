package dev.lazurite.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data in captured text with {@value #MASK}: the built-in rules (API
 * keys such as Azure's 32-hex keys and {@code sk-…} keys, bearer tokens and JWTs, email addresses,
 * payment card numbers) and then the deployment's own patterns.
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";

  /** A pattern and what each match becomes. */
  private record Rule(Pattern pattern, String replacement) {
    Rule(String regex) {
      this(Pattern.compile(regex), MASK);
    }
  }

  private static final List<Rule> BUILT_IN =
      List.of(
          // Bearer and Basic credentials, whatever follows the scheme.
          new Rule("(?i)\\b(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
          // JSON Web Tokens.
          new Rule("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
          // OpenAI-style and similar prefixed keys.
          new Rule("\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"),
          // Azure account keys (32 hex digits) and long base64 or hex runs such as keys in
          // their 84-character form.
          new Rule("\\b[0-9a-fA-F]{32}\\b"),
          new Rule("[A-Za-z0-9+/_-]{40,}={0,2}"),
          // A key handed over as a value: api-key / apikey / api_key / key=… pairs.
          new Rule(
              Pattern.compile(
                  "(?i)(\"?(?:api[-_]?key|access[-_]?token|password|secret)\"?\\s*[:=]\\s*\"?)"
                      + "[^\"\\s,}]+"),
              "$1" + MASK),
          // Email addresses.
          new Rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
          // Payment card numbers: 13 to 19 digits, in groups or not.
          new Rule("\\b(?:\\d[ -]?){12,18}\\d\\b"));

  private final List<Rule> rules;

  public Redactor(List<String> operatorPatterns) {
    List<Rule> all = new ArrayList<>(BUILT_IN);
    operatorPatterns.forEach(p -> all.add(new Rule(p)));
    this.rules = List.copyOf(all);
  }

  /** The text with every match of every rule replaced. */
  public String apply(String text) {
    String out = text;
    for (Rule rule : rules) {
      out = rule.pattern().matcher(out).replaceAll(rule.replacement());
    }
    return out;
  }
}
