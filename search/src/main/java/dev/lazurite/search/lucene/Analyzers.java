package dev.lazurite.search.lucene;

import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.StopAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The Lucene analyzer behind each of the service's analyzer names. */
final class Analyzers {
  private Analyzers() {}

  /** Analyzes each text field ({@code t.<name>}) with the analyzer its definition names. */
  static Analyzer forSchema(IndexSchema schema) {
    Map<String, Analyzer> perField = new HashMap<>();
    for (SearchField f : schema.fields()) {
      if (f.text()) {
        perField.put(LuceneDocuments.textField(f.name()), named(f.analyzer()));
      }
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }

  static Analyzer named(String name) {
    return switch (name) {
      case "en.lucene", "en.microsoft" -> new EnglishAnalyzer();
      case "keyword" -> new KeywordAnalyzer();
      case "simple" -> new SimpleAnalyzer();
      case "stop" -> new StopAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      case "whitespace" -> new WhitespaceAnalyzer();
      default -> new StandardAnalyzer();
    };
  }
}
