package dev.lazurite.ondata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system message that grounds a model in retrieved documents: the role information, the
 * instruction to answer only from the documents and to cite them as {@code [docN]}, then the
 * numbered documents. Any model can follow it; the simulator reads it back to answer extractively.
 */
public final class GroundedPrompt {
  public static final String DEFAULT_ROLE =
      "You are an AI assistant that helps people find information.";
  private static final String DOCUMENTS = "## Retrieved documents";
  private static final Pattern HEADER = Pattern.compile("(?m)^\\[doc(\\d+)\\] Title: (.*)$");
  private static final int MAX_CHARS = 2000;

  /** One numbered document as the prompt carries it. */
  public record Document(int number, String title, String content) {}

  private GroundedPrompt() {}

  public static String build(String roleInformation, List<Document> documents) {
    StringBuilder sb = new StringBuilder();
    sb.append(roleInformation.isBlank() ? DEFAULT_ROLE : roleInformation.strip()).append("\n\n");
    sb.append(
        "Answer the question using only the retrieved documents below. Cite every fact with the"
            + " marker of the document it comes from, such as [doc1]. If the documents do not"
            + " contain the answer, say that the information is not in the retrieved data.\n\n");
    sb.append(DOCUMENTS).append('\n');
    for (Document d : documents) {
      String content =
          d.content().length() > MAX_CHARS ? d.content().substring(0, MAX_CHARS) : d.content();
      sb.append("[doc")
          .append(d.number())
          .append("] Title: ")
          .append(d.title().replace('\n', ' '))
          .append('\n');
      sb.append(content.replace("\n[doc", "\n (doc")).append("\n\n");
    }
    return sb.toString();
  }

  /** The documents of a grounded system message; empty if the text is not one. */
  public static List<Document> parse(String system) {
    int start = system.indexOf(DOCUMENTS + "\n");
    if (start < 0) {
      return List.of();
    }
    String body = system.substring(start + DOCUMENTS.length() + 1);
    Matcher m = HEADER.matcher(body);
    List<int[]> headers = new ArrayList<>();
    List<String[]> meta = new ArrayList<>();
    while (m.find()) {
      headers.add(new int[] {m.start(), m.end()});
      meta.add(new String[] {m.group(1), m.group(2)});
    }
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      int end = i + 1 < headers.size() ? headers.get(i + 1)[0] : body.length();
      out.add(
          new Document(
              Integer.parseInt(meta.get(i)[0]),
              meta.get(i)[1],
              body.substring(headers.get(i)[1], end).strip()));
    }
    return out;
  }
}
