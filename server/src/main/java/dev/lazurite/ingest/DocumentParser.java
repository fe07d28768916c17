package dev.lazurite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/** Extracts text from PDF, DOCX, PPTX, HTML, Markdown and plain text with Apache Tika. */
public final class DocumentParser {
  public static final Set<String> EXTENSIONS =
      Set.of("pdf", "docx", "pptx", "html", "htm", "md", "markdown", "txt");
  private static final int MAX_CHARS = 20_000_000;

  private final AutoDetectParser parser = new AutoDetectParser();

  public static boolean supported(Path file) {
    return supported(file.getFileName().toString());
  }

  /** Whether a file or blob name has one of the {@link #EXTENSIONS}. */
  public static boolean supported(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot > slash + 1 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** Throws {@link IOException} for a file that cannot be read or parsed. */
  public ParsedFile parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.getFileName().toString());
    }
  }

  /**
   * Parses a content read from a stream, which the caller closes.
   *
   * @param name the file or blob name, which helps tell the format
   * @throws IOException when the content cannot be read or parsed
   */
  public ParsedFile parse(InputStream content, String name) throws IOException {
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
    try (TikaInputStream in = TikaInputStream.get(content)) {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (TikaException | SAXException e) {
      throw new IOException("cannot parse " + fileName + ": " + e.getMessage(), e);
    }
    String title = metadata.get(TikaCoreProperties.TITLE);
    String text = handler.toString();
    if (title == null || title.isBlank()) {
      title = firstLine(text, fileName);
    }
    return new ParsedFile(title.strip(), text);
  }

  private static String firstLine(String text, String fileName) {
    for (String line : text.split("\\R")) {
      String t = line.replaceFirst("^#+\\s*", "").strip();
      if (!t.isEmpty()) {
        return t.length() > 120 ? t.substring(0, 120) : t;
      }
    }
    return fileName;
  }
}
