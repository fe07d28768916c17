package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.blob.BlobAccounts;
import dev.lazurite.testing.TestingAzurite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Blob Storage store keeps the contract, on Azurite. */
class BlobFileStoreTest extends FileStoreContract {
  private static TestingAzurite azurite;
  private static FileStore store;

  @BeforeAll
  static void start() {
    azurite = TestingAzurite.start();
    store =
        new BlobFileStore(BlobAccounts.fromConnectionString(azurite.connectionString(), uri -> {}));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  FileStore store() {
    return store;
  }

  @Test
  void describesTheEndpointWithoutTheKey() {
    assertThat(store.describe())
        .contains(azurite.blobEndpoint())
        .doesNotContain(TestingAzurite.ACCOUNT_KEY)
        .doesNotContain("AccountKey");
  }
}
