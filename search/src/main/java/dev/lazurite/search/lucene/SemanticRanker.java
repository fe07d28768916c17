package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.VectorMath;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.search.schema.SemanticConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;

/**
 * Semantic ranking with the embedded sentence-embedding model: each candidate's prioritized fields
 * are compared with the query, giving {@code @search.rerankerScore} on the service's 0–4 scale;
 * captions and answers are the sentences closest to the query.
 */
final class SemanticRanker {
  private static final int PASSAGE_CHARS = 600;
  private static final int MAX_SENTENCES = 24;
  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]?");
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*|\\p{N}+");
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "are", "what", "how", "does", "with", "that", "this", "from", "who",
          "when", "where", "which", "is", "a", "an", "of", "to", "in", "on", "my", "do", "i",
          "can");

  private final IndexSchema schema;
  private final Embeddings embeddings;

  SemanticRanker(IndexSchema schema, Embeddings embeddings) {
    this.schema = schema;
    this.embeddings = embeddings;
  }

  private static String queryText(SearchQuery q) {
    return q.semanticQuery().isBlank() ? q.search() : q.semanticQuery();
  }

  /**
   * The reranker score of each candidate. When the index has a vector field whose vectorizer embeds
   * with a deployment, the stored document vectors are compared with the query embedded the same
   * way (one embedding per query); otherwise each candidate's prioritized fields are embedded.
   */
  Map<Integer, Double> rerank(
      SearchQuery q,
      List<LuceneSearch.Ranked> candidates,
      Map<Integer, ObjectNode> sources,
      IndexSearcher searcher) {
    SemanticConfig config = schema.semantic(q.semanticConfiguration());
    Map<Integer, Double> scores = new HashMap<>();
    if (candidates.isEmpty()) {
      return scores;
    }
    Optional<SearchField> vectorField =
        schema.fields().stream()
            .filter(f -> f.type().vector())
            .filter(f -> !schema.profile(f).vectorizerDeployment().isEmpty())
            .findFirst();
    if (vectorField.isPresent()) {
      SearchField field = vectorField.get();
      float[] query =
          embeddings
              .embed(
                  schema.profile(field).vectorizerResource(),
                  schema.profile(field).vectorizerDeployment(),
                  List.of(queryText(q)))
              .getFirst();
      if (query.length == field.dimensions()) {
        for (LuceneSearch.Ranked r : candidates) {
          float[] doc =
              StoredVectors.of(searcher, LuceneDocuments.vectorField(field.name()), r.doc());
          scores.put(r.doc(), doc == null ? 0.0 : reranker(VectorMath.cosine(query, doc)));
        }
        return scores;
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(queryText(q));
    for (LuceneSearch.Ranked r : candidates) {
      texts.add(passage(config, sources.get(r.doc())));
    }
    List<float[]> vectors = embeddings.rank(texts);
    for (int i = 0; i < candidates.size(); i++) {
      scores.put(
          candidates.get(i).doc(),
          reranker(VectorMath.dot(vectors.getFirst(), vectors.get(i + 1))));
    }
    return scores;
  }

  private static double reranker(double cosine) {
    return Math.round(4 * Math.max(0, cosine) * 1e6) / 1e6;
  }

  List<SearchResult.Caption> captions(SearchQuery q, ObjectNode source) {
    if (q.captions().startsWith("none")) {
      return List.of();
    }
    Best best = bestSentence(q, source);
    if (best == null) {
      return List.of();
    }
    boolean highlight = !q.captions().contains("highlight-false");
    return List.of(
        new SearchResult.Caption(
            best.text(), highlight ? highlight(best.text(), queryText(q)) : null));
  }

  List<SearchResult.Answer> answers(
      SearchQuery q, List<LuceneSearch.Ranked> ranked, Map<Integer, ObjectNode> sources) {
    if (!q.answers().startsWith("extractive")) {
      return List.of();
    }
    int count = option(q.answers(), "count-", 1);
    double threshold = option(q.answers(), "threshold-", 0.7);
    List<SearchResult.Answer> answers = new ArrayList<>();
    String keyName = schema.key().name();
    for (LuceneSearch.Ranked r : ranked.subList(0, Math.min(3, ranked.size()))) {
      ObjectNode source = sources.get(r.doc());
      Best best = bestSentence(q, source);
      if (best != null && best.score() >= threshold) {
        answers.add(
            new SearchResult.Answer(
                source.path(keyName).asText(),
                best.text(),
                highlight(best.text(), queryText(q)),
                best.score()));
      }
    }
    answers.sort((a, b) -> Double.compare(b.score(), a.score()));
    return answers.subList(0, Math.min(count, answers.size()));
  }

  private record Best(String text, double score) {}

  /** The content sentence closest to the query; its score is (1 + cosine) / 2. */
  private Best bestSentence(SearchQuery q, ObjectNode source) {
    SemanticConfig config = schema.semantic(q.semanticConfiguration());
    List<String> sentences = new ArrayList<>();
    for (String field : config.contentFields()) {
      Matcher m = SENTENCE.matcher(text(source.path(field)));
      while (m.find() && sentences.size() < MAX_SENTENCES) {
        String s = m.group().strip();
        if (s.length() > 12) {
          sentences.add(s);
        }
      }
    }
    if (sentences.isEmpty()) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    texts.add(queryText(q));
    texts.addAll(sentences);
    List<float[]> vectors = embeddings.rank(texts);
    int best = 0;
    double bestScore = -2;
    for (int i = 0; i < sentences.size(); i++) {
      double s = VectorMath.dot(vectors.getFirst(), vectors.get(i + 1));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return new Best(sentences.get(best), Math.round((1 + bestScore) / 2 * 1e6) / 1e6);
  }

  private static String passage(SemanticConfig config, ObjectNode source) {
    StringBuilder sb = new StringBuilder();
    if (!config.titleField().isEmpty()) {
      sb.append(text(source.path(config.titleField()))).append(". ");
    }
    for (String f : config.contentFields()) {
      sb.append(text(source.path(f))).append(' ');
    }
    for (String f : config.keywordFields()) {
      sb.append(text(source.path(f))).append(' ');
    }
    return sb.length() > PASSAGE_CHARS ? sb.substring(0, PASSAGE_CHARS) : sb.toString();
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asText()));
      return String.join(" ", parts);
    }
    return node.isValueNode() ? node.asText() : "";
  }

  /** Wraps the query's words in {@code <em>} tags. */
  static String highlight(String text, String query) {
    Set<String> words = new HashSet<>();
    Matcher q = WORD.matcher(query.toLowerCase(Locale.ROOT));
    while (q.find()) {
      if (q.group().length() > 2 && !STOP.contains(q.group())) {
        words.add(q.group());
      }
    }
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text);
    int pos = 0;
    while (m.find()) {
      if (words.contains(m.group().toLowerCase(Locale.ROOT))) {
        out.append(text, pos, m.start()).append("<em>").append(m.group()).append("</em>");
        pos = m.end();
      }
    }
    return out.append(text.substring(pos)).toString();
  }

  private static double option(String spec, String prefix, double fallback) {
    for (String part : spec.split("\\|")) {
      if (part.startsWith(prefix)) {
        try {
          return Double.parseDouble(part.substring(prefix.length()));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  private static int option(String spec, String prefix, int fallback) {
    return (int) option(spec, prefix, (double) fallback);
  }
}
