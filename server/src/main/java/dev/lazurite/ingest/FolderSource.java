package dev.lazurite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The supported files under a folder; a file's version is the SHA-256 of its content. */
public record FolderSource(Path folder) implements DocumentSource {
  @Override
  public List<SourceDocument> documents() throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> DocumentParser.supported(file.getFileName().toString()))
          .sorted()
          .<SourceDocument>map(file -> new File(folder, file))
          .toList();
    }
  }

  private record File(Path folder, Path file) implements SourceDocument {
    @Override
    public String path() {
      return folder.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public String url() {
      return file.toAbsolutePath().toUri().toString();
    }

    @Override
    public String version() throws IOException {
      MessageDigest digest;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }
  }
}
