package dev.lazurite.files;

import dev.lazurite.blob.BlobAccounts;
import dev.lazurite.config.FilesConfig;
import dev.lazurite.network.OutboundPolicy;
import java.nio.file.Path;

/** Opens the content store the configuration names. */
public final class FileStores {
  private FileStores() {}

  /**
   * @param dataDir where the local store keeps its {@code files} folder
   * @param outbound the Blob endpoint is a destination the administrator configured
   */
  public static FileStore open(FilesConfig config, Path dataDir, OutboundPolicy outbound) {
    return switch (config.storage()) {
      case FilesConfig.Storage.Local local -> new LocalFileStore(dataDir.resolve("files"));
      case FilesConfig.Storage.ConnectionString cs ->
          new BlobFileStore(
              BlobAccounts.fromConnectionString(cs.value(), outbound::checkAdministered));
      case FilesConfig.Storage.ManagedIdentity mi ->
          new BlobFileStore(
              BlobAccounts.withManagedIdentity(mi.endpoint(), outbound::checkAdministered));
    };
  }
}
