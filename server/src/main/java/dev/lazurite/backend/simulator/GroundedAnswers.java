package dev.lazurite.backend.simulator;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.ondata.GroundedPrompt;
import dev.lazurite.search.VectorMath;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the simulator answers a grounded (On Your Data) request: extractively, with the sentences of
 * the retrieved documents closest to the question (by the embedded sentence-embedding model), each
 * cited with its {@code [docN]} marker.
 */
final class GroundedAnswers {
  private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s+");
  private static final int MAX_SENTENCES = 64;

  private final Function<List<String>, List<float[]>> vectors;

  /**
   * @param vectors unit-length sentence embeddings
   */
  GroundedAnswers(Function<List<String>, List<float[]>> vectors) {
    this.vectors = vectors;
  }

  private record Sentence(int doc, String text) {}

  /** The extractive answer, or null when the request is not grounded in documents. */
  String answer(ChatRequest request) {
    List<GroundedPrompt.Document> docs = List.of();
    for (ChatRequest.Message m : request.messages()) {
      if (m.role().equals("system")) {
        docs = GroundedPrompt.parse(m.text());
      }
    }
    if (docs.isEmpty()) {
      return null;
    }
    String question =
        request.messages().reversed().stream()
            .filter(m -> m.role().equals("user"))
            .map(ChatRequest.Message::text)
            .findFirst()
            .orElse("");
    List<Sentence> sentences = new ArrayList<>();
    for (GroundedPrompt.Document d : docs) {
      for (String s : sentences(d.content())) {
        if (sentences.size() < MAX_SENTENCES && s.length() > 8) {
          sentences.add(new Sentence(d.number(), s));
        }
      }
    }
    if (sentences.isEmpty() || question.isBlank()) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    texts.add(question);
    sentences.forEach(s -> texts.add(s.text()));
    List<float[]> v = vectors.apply(texts);
    int best = -1;
    int second = -1;
    double bestScore = -2;
    double secondScore = -2;
    for (int i = 0; i < sentences.size(); i++) {
      double score = VectorMath.cosine(v.getFirst(), v.get(i + 1));
      if (score > bestScore) {
        second = best;
        secondScore = bestScore;
        best = i;
        bestScore = score;
      } else if (score > secondScore) {
        second = i;
        secondScore = score;
      }
    }
    StringBuilder answer = new StringBuilder(cite(sentences.get(best)));
    if (second >= 0 && secondScore >= 0.8 * bestScore && secondScore > 0.3) {
      answer.append(' ').append(cite(sentences.get(second)));
    }
    return answer.toString();
  }

  /**
   * A document's sentences, each a verbatim part of it: lines (list items, headings) are split at
   * sentence ends, which a decimal point ("21.7 %"), a time or an abbreviation followed by a
   * lower-case word ("e.g. by") is not.
   */
  static List<String> sentences(String content) {
    List<String> out = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (String line : content.split("\\R")) {
      String text = LIST_MARK.matcher(line).replaceFirst("");
      breaks.setText(text);
      int start = breaks.first();
      for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
        String sentence = text.substring(start, end).strip();
        if (!sentence.isEmpty()) {
          out.add(sentence);
        }
      }
    }
    return out;
  }

  private static String cite(Sentence s) {
    String text = s.text();
    String end = ".";
    if (text.endsWith(".") || text.endsWith("!") || text.endsWith("?")) {
      end = text.substring(text.length() - 1);
      text = text.substring(0, text.length() - 1);
    }
    return text + " [doc" + s.doc() + "]" + end;
  }
}
