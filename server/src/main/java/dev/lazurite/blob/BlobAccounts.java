package dev.lazurite.blob;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Clients for Azure Blob Storage accounts, over the JDK's HTTP client: from a connection string
 * (account key or SAS), or from an endpoint reached with the server's managed identity ({@code
 * DefaultAzureCredential}). Each endpoint is shown to the outbound check before any connection is
 * made. Failures never repeat the connection string.
 */
public final class BlobAccounts {
  private static final RequestRetryOptions RETRIES =
      new RequestRetryOptions(
          RetryPolicyType.EXPONENTIAL,
          3,
          Duration.ofSeconds(60),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          null);

  private BlobAccounts() {}

  /**
   * @param allowed throws when the server may not connect to an endpoint
   * @throws IllegalArgumentException when the text is not a Blob Storage connection string
   */
  public static BlobServiceClient fromConnectionString(
      String connectionString, Consumer<URI> allowed) {
    BlobServiceClient client;
    try {
      client =
          new BlobServiceClientBuilder()
              .connectionString(connectionString)
              .httpClient(httpClient())
              .retryOptions(RETRIES)
              .buildClient();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid Blob Storage connection string");
    }
    allowed.accept(endpoint(client));
    return client;
  }

  /**
   * @param endpoint {@code https://<account>.blob.core.windows.net}
   * @param allowed throws when the server may not connect to the endpoint
   */
  public static BlobServiceClient withManagedIdentity(URI endpoint, Consumer<URI> allowed) {
    allowed.accept(endpoint);
    HttpClient http = httpClient();
    return new BlobServiceClientBuilder()
        .endpoint(endpoint.toString())
        .credential(new DefaultAzureCredentialBuilder().httpClient(http).build())
        .httpClient(http)
        .retryOptions(RETRIES)
        .buildClient();
  }

  /** The account's Blob endpoint, which holds no secret. */
  public static URI endpoint(BlobServiceClient client) {
    try {
      return URI.create(client.getAccountUrl());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid Blob Storage endpoint");
    }
  }

  private static HttpClient httpClient() {
    return new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).build();
  }
}
