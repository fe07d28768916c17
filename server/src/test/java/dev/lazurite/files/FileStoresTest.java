package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.config.FilesConfig;
import dev.lazurite.error.ApiException;
import dev.lazurite.network.OutboundPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store the {@code fileStorage} setting names; an endpoint must be allowed. */
class FileStoresTest {
  private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";
  private static final String CONNECTION =
      "DefaultEndpointsProtocol=https;AccountName=contosofiles;AccountKey="
          + KEY
          + ";EndpointSuffix=core.windows.net";

  @TempDir Path dir;

  @Test
  void localIsTheFilesFolderOfTheDataDirectory() {
    try (FileStore store = FileStores.open(FilesConfig.DEFAULT, dir, OutboundPolicy.ADMINISTERED)) {
      assertThat(store).isInstanceOf(LocalFileStore.class);
      assertThat(store.describe()).isEqualTo(dir.resolve("files").toAbsolutePath().toString());
      assertThat(Files.isDirectory(dir.resolve("files"))).isTrue();
    }
  }

  @Test
  void aConnectionStringOpensBlobStorageAndNeverShowsTheKey() {
    FilesConfig config = FilesConfig.parse(CONNECTION);
    assertThat(config.toString()).doesNotContain(KEY).contains("contosofiles.blob");
    try (FileStore store = FileStores.open(config, dir, OutboundPolicy.ADMINISTERED)) {
      assertThat(store).isInstanceOf(BlobFileStore.class);
      assertThat(store.describe())
          .contains("https://contosofiles.blob.core.windows.net")
          .doesNotContain(KEY);
    }
  }

  @Test
  void anEndpointOffTheAllowlistIsRefusedWhenAdministeredDestinationsAreNotTrusted() {
    var strict = new OutboundPolicy(List.of("*.openai.azure.com"), false);
    assertThatThrownBy(() -> FileStores.open(FilesConfig.parse(CONNECTION), dir, strict))
        .isInstanceOf(ApiException.class)
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () ->
                FileStores.open(
                    FilesConfig.parse("https://contosofiles.blob.core.windows.net"), dir, strict))
        .isInstanceOf(ApiException.class);
    var allowed = new OutboundPolicy(List.of("*.blob.core.windows.net"), false);
    try (FileStore store = FileStores.open(FilesConfig.parse(CONNECTION), dir, allowed)) {
      assertThat(store).isInstanceOf(BlobFileStore.class);
    }
  }

  @Test
  void theSettingTakesLocalAConnectionStringOrAnHttpsEndpoint() {
    assertThat(FilesConfig.parse(" Local ")).isEqualTo(FilesConfig.DEFAULT);
    assertThat(FilesConfig.parse("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;").storage())
        .isInstanceOf(FilesConfig.Storage.ConnectionString.class);
    assertThat(FilesConfig.parse("https://contosofiles.blob.core.windows.net").storage())
        .isEqualTo(
            new FilesConfig.Storage.ManagedIdentity(
                java.net.URI.create("https://contosofiles.blob.core.windows.net")));
    for (String bad :
        List.of("s3://bucket", "http://files.example.test", "https://user:pw@x.test", "blob")) {
      assertThatThrownBy(() -> FilesConfig.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LAZURITE_FILE_STORAGE")
          .hasMessageNotContaining(bad);
    }
  }
}
