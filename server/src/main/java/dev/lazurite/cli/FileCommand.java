package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "file",
    mixinStandardHelpOptions = true,
    description = "Upload, list, show, download and delete a resource's files (the Files API).",
    subcommands = {
      FileCommand.Upload.class,
      FileCommand.ListFiles.class,
      FileCommand.Show.class,
      FileCommand.Download.class,
      FileCommand.Delete.class
    })
final class FileCommand {
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = "Upload a file, streamed from disk; print its file object.")
  static final class Upload extends ArmCommand {
    @Option(
        names = {"--file", "-f"},
        required = true,
        description = "The file to upload.")
    Path file;

    @Option(
        names = "--purpose",
        required = true,
        description = "batch, fine-tune, assistants or evals.")
    String purpose;

    @Option(
        names = "--expires-after",
        paramLabel = "SECONDS",
        description = "Delete the file this many seconds after upload (1209600 to 2592000).")
    Long expiresAfter;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return FilesClient.of(arm).upload(file, purpose, expiresAfter);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the resource's files, newest first.")
  static final class ListFiles extends ArmCommand {
    @Option(names = "--purpose", description = "Only files of this purpose.")
    String purpose;

    @Option(names = "--limit", description = "At most this many (1 to 10000).")
    Integer limit;

    @Option(names = "--order", description = "asc or desc (by creation time; default desc).")
    String order;

    @Option(names = "--after", description = "Start after this file id.")
    String after;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var query = new StringBuilder();
      append(query, "purpose", purpose);
      append(query, "limit", limit == null ? null : limit.toString());
      append(query, "order", order);
      append(query, "after", after);
      return FilesClient.of(arm).send("GET", query.toString()).path("data");
    }

    private static void append(StringBuilder query, String name, String value) {
      if (value != null) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=');
        query.append(FilesClient.encode(value));
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a file object.")
  static final class Show extends ArmCommand {
    @Option(names = "--id", required = true, description = "The file id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return FilesClient.of(arm).send("GET", "/" + FilesClient.encode(id));
    }
  }

  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description = "Write a file's content to a path, or to standard output.")
  static final class Download extends ArmCommand {
    @Option(names = "--id", required = true, description = "The file id.")
    String id;

    @Option(
        names = {"--dest", "-d"},
        description = "Where to write the content; default: standard output.")
    Path dest;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      try (InputStream content = FilesClient.of(arm).content(id)) {
        if (dest != null) {
          Files.copy(content, dest, StandardCopyOption.REPLACE_EXISTING);
        } else {
          var out = spec.commandLine().getOut();
          out.print(new String(content.readAllBytes(), StandardCharsets.UTF_8));
          out.flush();
        }
      }
      return null;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a file; print {\"object\", \"deleted\", \"id\"}.")
  static final class Delete extends ArmCommand {
    @Option(names = "--id", required = true, description = "The file id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return FilesClient.of(arm).send("DELETE", "/" + FilesClient.encode(id));
    }
  }

  private FileCommand() {}
}
