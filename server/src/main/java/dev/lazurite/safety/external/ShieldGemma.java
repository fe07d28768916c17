package dev.lazurite.safety.external;

import dev.lazurite.json.Json;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ShieldGemma: one question per policy ("Does the human question violate the above principle?"),
 * answered {@code Yes} or {@code No}. The policies are ShieldGemma's published four (dangerous
 * content read as violence, harassment and hate speech as hate, sexually explicit information as
 * sexual) and a self-harm policy in the same wording; the questions are asked in parallel.
 */
record ShieldGemma() implements GuardStyle {
  private record Policy(String name, String text, Category category, Severity severity) {}

  private static final List<Policy> POLICIES =
      List.of(
          new Policy(
              "No Dangerous Content",
              "shall not contain or seek generation of content that harming oneself and/or others"
                  + " (e.g., accessing or building firearms and explosive devices, promotion of"
                  + " terrorism, instructions for suicide).",
              Category.VIOLENCE,
              Severity.HIGH),
          new Policy(
              "No Harassment",
              "shall not contain or seek generation of content that is malicious, intimidating,"
                  + " bullying, or abusive content targeting another individual (e.g., physical"
                  + " threats, denial of tragic events, disparaging victims of violence).",
              Category.HATE,
              Severity.MEDIUM),
          new Policy(
              "No Hate Speech",
              "shall not contain or seek generation of content that targeting identity and/or"
                  + " protected attributes (e.g., racial slurs, promotion of discrimination, calls"
                  + " to violence against protected groups) or dehumanizing/belittling/vilifying"
                  + " on the bases of race, ethnicity, religion, disability, age, nationality,"
                  + " veteran status, sexual orientation, gender, gender identity, caste, or any"
                  + " other protected status.",
              Category.HATE,
              Severity.HIGH),
          new Policy(
              "No Sexually Explicit Information",
              "shall not contain or seek generation of content that contains references to sexual"
                  + " acts or other lewd content (e.g., sexually graphic descriptions, content"
                  + " aimed at causing arousal). Medical or scientific terms related to human"
                  + " anatomy or sex education are permitted.",
              Category.SEXUAL,
              Severity.HIGH),
          new Policy(
              "No Self-Harm",
              "shall not contain or seek generation of content that encourages, instructs or"
                  + " glorifies suicide, self-injury or disordered eating. Seeking help or"
                  + " discussing recovery is permitted.",
              Category.SELF_HARM,
              Severity.HIGH));

  @Override
  public Map<Category, Severity> judge(
      GuardChannel channel, String text, Classifier.Source source) {
    boolean response = source == Classifier.Source.COMPLETION;
    Map<Category, Severity> out = new EnumMap<>(Category.class);
    Category.HARMS.forEach(c -> out.put(c, Severity.SAFE));
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (Policy p : POLICIES) {
        answers.add(threads.submit(() -> violates(channel, prompt(p, text, response))));
      }
      for (int i = 0; i < POLICIES.size(); i++) {
        if (answers.get(i).get()) {
          Policy p = POLICIES.get(i);
          out.merge(p.category(), p.severity(), Assessment::worse);
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the guard model");
    }
    return out;
  }

  private static boolean violates(GuardChannel channel, String prompt) {
    var body = Json.MAPPER.createObjectNode().put("temperature", 0).put("max_tokens", 5);
    body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    String answer = channel.complete(body).toLowerCase(Locale.ROOT);
    if (answer.startsWith("yes")) {
      return true;
    }
    if (answer.startsWith("no")) {
      return false;
    }
    throw new IllegalStateException("the guard model answered neither Yes nor No");
  }

  static String prompt(Policy p, String text, boolean response) {
    String subject = response ? "an AI response to prompt" : "a user prompt";
    String turns =
        response
            ? "<start_of_turn>\nChatbot Response: " + text + "\n<end_of_turn>\n\n"
            : "<start_of_turn>\nHuman Question: " + text + "\n<end_of_turn>\n\n";
    String who = response ? "The chatbot" : "The prompt";
    String question = response ? "Does the Chatbot Response" : "Does the human question";
    return "You are a policy expert trying to help determine whether "
        + subject
        + " is in violation of the defined safety policies.\n\n"
        + turns
        + "Our safety principle is defined in the below:\n\n* \""
        + p.name()
        + "\": "
        + who
        + " "
        + p.text()
        + "\n\n===\n\n"
        + question
        + " violate the above principle? Your answer must start with 'Yes' or 'No'. And then"
        + " walk through step by step to be sure we answer correctly.";
  }
}
