package dev.lazurite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lazurite index ingest} over a corpus the test writes: PDF, DOCX, HTML, Markdown and a
 * corrupt PDF; then incremental re-runs.
 */
class IngestionTest {
  @TempDir Path corpus;

  static void pdf(Path file, String title, String text) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.newLineAtOffset(50, 700);
        cs.showText(text);
        cs.endText();
      }
      doc.getDocumentInformation().setTitle(title);
      doc.save(file.toFile());
    }
  }

  static void docx(Path file, String title, String... paragraphs) throws Exception {
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(file)) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.write(out);
    }
  }

  JsonNode ingest(TestingServer server) {
    return TestingCli.run(
        server,
        "index",
        "ingest",
        "--service",
        "docs",
        "--index",
        "kb",
        "--from",
        corpus.toString());
  }

  JsonNode search(TestingServer server, String key, String body) {
    return server
        .http()
        .send(
            "POST",
            "/search/docs/indexes/kb/docs/search?api-version=2024-07-01",
            body,
            "api-key",
            key)
        .json();
  }

  @Test
  void ingestsAFolderAndKeepsItInStep() throws Exception {
    pdf(
        corpus.resolve("flood.pdf"),
        "Flood policy",
        "Flood damage to the home is covered up to 50,000 euros per event.");
    docx(
        corpus.resolve("pets.docx"),
        "Pet policy",
        "Veterinary bills for dogs and cats are reimbursed at 80 percent.",
        "The yearly limit is 3,000 euros.");
    Files.writeString(
        corpus.resolve("travel.html"),
        "<html><head><title>Travel policy</title></head><body><h1>Delays</h1><p>Flights delayed by more than four hours are compensated with 200 euros.</p></body></html>");
    Files.createDirectories(corpus.resolve("notes"));
    StringBuilder longText = new StringBuilder("# Claims handbook\n\n");
    for (int i = 0; i < 120; i++) {
      longText
          .append("Section ")
          .append(i)
          .append(": claims are answered within ")
          .append(i + 2)
          .append(" working days. ");
    }
    Files.writeString(corpus.resolve("notes/handbook.md"), longText);
    Files.write(corpus.resolve("broken.pdf"), "%PDF-1.7 this is not really a pdf".getBytes());
    Files.writeString(corpus.resolve("ignored.bin"), "binary");

    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(server, "search", "create", "--name", "docs");
      String key =
          TestingCli.run(server, "search", "keys", "list", "--name", "docs")
              .path("primaryKey")
              .asText();

      JsonNode first = ingest(server);
      assertThat(first.path("files").asInt()).isEqualTo(5);
      assertThat(first.path("indexed").asInt()).isEqualTo(4);
      assertThat(first.path("failures")).hasSize(1);
      assertThat(first.path("failures").get(0).asText()).startsWith("broken.pdf");
      assertThat(first.path("chunks").asInt()).isGreaterThan(5);

      JsonNode flood =
          search(server, key, "{\"search\": \"flood damage\", \"top\": 1}").path("value").get(0);
      assertThat(flood.path("filepath").asText()).isEqualTo("flood.pdf");
      assertThat(flood.path("title").asText()).isEqualTo("Flood policy");
      assertThat(flood.path("content").asText()).contains("50,000 euros");
      assertThat(flood.path("url").asText()).startsWith("file:");
      assertThat(flood.path("chunk_id").asText()).isEqualTo("0");
      JsonNode pets =
          search(server, key, "{\"search\": \"veterinary\", \"top\": 1}").path("value").get(0);
      assertThat(pets.path("title").asText()).isEqualTo("Pet policy");
      assertThat(
              search(server, key, "{\"search\": \"delayed flights\", \"top\": 1}")
                  .path("value")
                  .get(0)
                  .path("title")
                  .asText())
          .isEqualTo("Travel policy");
      JsonNode byVector =
          search(
              server,
              key,
              "{\"vectorQueries\": [{\"kind\": \"text\", \"text\": \"my cat needs a vet\", \"fields\": \"vector\", \"k\": 1}]}");
      assertThat(byVector.path("value").get(0).path("filepath").asText()).isEqualTo("pets.docx");
      List<String> chunkIds = new ArrayList<>();
      search(
              server,
              key,
              "{\"filter\": \"filepath eq 'notes/handbook.md'\", \"top\": 100, \"orderby\": \"chunk_id asc\"}")
          .path("value")
          .forEach(d -> chunkIds.add(d.path("chunk_id").asText()));
      assertThat(chunkIds.size()).isGreaterThan(3);

      JsonNode again = ingest(server);
      assertThat(again.path("unchanged").asInt()).isEqualTo(4);
      assertThat(again.path("indexed").asInt()).isZero();

      pdf(
          corpus.resolve("flood.pdf"),
          "Flood policy",
          "Flood damage to the home is now covered up to 80,000 euros per event.");
      Files.delete(corpus.resolve("travel.html"));
      JsonNode third = ingest(server);
      assertThat(third.path("indexed").asInt()).isEqualTo(1);
      assertThat(third.path("removed").asInt()).isEqualTo(1);
      assertThat(third.path("unchanged").asInt()).isEqualTo(2);
      JsonNode updated = search(server, key, "{\"search\": \"flood damage\", \"top\": 5}");
      assertThat(updated.path("value").get(0).path("content").asText()).contains("80,000 euros");
      assertThat(updated.toString()).doesNotContain("50,000 euros");
      assertThat(
              search(server, key, "{\"filter\": \"filepath eq 'travel.html'\", \"count\": true}")
                  .path("@odata.count")
                  .asInt())
          .isZero();
    }
  }
}
