package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Hit highlighting with Lucene's unified highlighter, one fragment per passage. */
final class Highlights {
  private static final int PASSAGES = 5;

  private Highlights() {}

  static Map<String, List<String>> of(
      Analyzer analyzer,
      Query query,
      ObjectNode source,
      List<String> fields,
      IndexSchema schema,
      String pre,
      String post) {
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new Fragments(pre, post))
            .build();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String spec : fields) {
      String name = spec.split("-")[0].strip();
      SearchField field =
          schema
              .field(name)
              .filter(SearchField::text)
              .orElseThrow(
                  () ->
                      SearchException.badRequest(
                          "The field '" + name + "' cannot be highlighted; it is not searchable."));
      List<String> fragments = new ArrayList<>();
      JsonNode value = source.path(field.name());
      List<String> texts = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(v -> texts.add(v.asText()));
      } else if (value.isTextual()) {
        texts.add(value.asText());
      }
      for (String text : texts) {
        try {
          Object result =
              highlighter.highlightWithoutSearcher(
                  LuceneDocuments.textField(field.name()), query, text, PASSAGES);
          if (result instanceof List<?> list) {
            list.forEach(f -> fragments.add((String) f));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (!fragments.isEmpty()) {
        out.put(field.name(), fragments);
      }
    }
    return out;
  }

  /** Formats each passage with the caller's tags around the matches. */
  private static final class Fragments extends PassageFormatter {
    private final String pre;
    private final String post;

    Fragments(String pre, String post) {
      this.pre = pre;
      this.post = post;
    }

    @Override
    public Object format(Passage[] passages, String content) {
      List<String> out = new ArrayList<>();
      for (Passage p : passages) {
        if (p.getNumMatches() == 0) {
          continue;
        }
        StringBuilder sb = new StringBuilder();
        int pos = p.getStartOffset();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = p.getMatchStarts()[i];
          int end = p.getMatchEnds()[i];
          if (start < pos) {
            continue;
          }
          sb.append(content, pos, start).append(pre).append(content, start, end).append(post);
          pos = end;
        }
        sb.append(content, pos, Math.max(pos, p.getEndOffset()));
        out.add(sb.toString().strip());
      }
      return out.isEmpty() ? null : out;
    }
  }
}
