package dev.lazurite.searchservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.blob.BlobAccounts;
import dev.lazurite.error.ApiException;
import dev.lazurite.ingest.BlobSource;
import dev.lazurite.ingest.DocumentSource;
import dev.lazurite.ingest.FolderSource;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.search.SearchException;
import dev.lazurite.store.SecretBox;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data sources indexers crawl: {@code folder} (Lazurite's own), a folder under the ingestion
 * root; and {@code azureblob}, a Blob Storage container named by a connection string, optionally
 * narrowed to a name prefix by {@code container.query}. A connection string is kept sealed with the
 * master key and never shown: responses carry {@code "connectionString": null}, as Azure's do, and
 * an update may send {@code null}, {@code <unchanged>} or {@code <redacted>} to keep the one
 * stored. The Blob endpoint must be on the outbound allowlist, since whoever holds a search admin
 * key chooses it.
 */
final class DataSources {
  static final String FOLDER = "folder";
  static final String AZURE_BLOB = "azureblob";

  private static final Pattern CONTAINER = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?!-)){2,62}$");
  private static final Set<String> KEEP = Set.of("<unchanged>", "<redacted>");

  private final Path ingestRoot;
  private final OutboundPolicy outbound;
  private final SecretBox secrets;

  /**
   * @param ingestRoot the only folder tree {@code folder} data sources may name
   * @param secrets seals connection strings at rest
   */
  DataSources(Path ingestRoot, OutboundPolicy outbound, SecretBox secrets) {
    this.ingestRoot = ingestRoot.toAbsolutePath().normalize();
    this.outbound = outbound;
    this.secrets = secrets;
  }

  /**
   * Checks a data source definition and completes it for storage.
   *
   * @param stored the definition it replaces, if any
   * @throws SearchException a 400 naming what is wrong
   */
  void validate(ObjectNode body, Optional<ObjectNode> stored) {
    String type = body.path("type").asText("");
    switch (type) {
      case FOLDER -> folder(body);
      case AZURE_BLOB -> {
        JsonNode given = body.path("credentials").path("connectionString");
        if ((given.isMissingNode() || given.isNull() || KEEP.contains(given.asText()))
            && stored.isPresent()
            && stored.get().path("type").asText("").equals(AZURE_BLOB)) {
          given = Json.MAPPER.getNodeFactory().textNode(connectionString(stored.get()));
        }
        if (!given.isTextual() || given.asText().isBlank()) {
          throw SearchException.badRequest(
              "Data source credentials are required: set 'credentials.connectionString' to the"
                  + " storage account's connection string.");
        }
        blob(given.asText(), body.path("container"));
        body.putObject("credentials").put("connectionString", secrets.seal(given.asText()));
      }
      default ->
          throw SearchException.badRequest(
              "Data source type '"
                  + type
                  + "' is not supported; use '"
                  + AZURE_BLOB
                  + "' or '"
                  + FOLDER
                  + "'.");
    }
  }

  /** What an indexer crawls for a stored definition. */
  DocumentSource open(ObjectNode definition) {
    if (definition.path("type").asText("").equals(AZURE_BLOB)) {
      return blob(connectionString(definition), definition.path("container"));
    }
    return new FolderSource(folder(definition));
  }

  /** A definition as responses show it: without the connection string. */
  static ObjectNode shown(ObjectNode definition) {
    ObjectNode copy = definition.deepCopy();
    if (copy.has("credentials") || copy.path("type").asText("").equals(AZURE_BLOB)) {
      copy.putObject("credentials").putNull("connectionString");
    }
    return copy;
  }

  /** A stored definition's connection string, opened. */
  private String connectionString(JsonNode definition) {
    String stored = definition.path("credentials").path("connectionString").asText("");
    return SecretBox.isSealed(stored) ? secrets.open(stored) : stored;
  }

  private BlobSource blob(String connectionString, JsonNode container) {
    String text = connectionString.strip();
    if (text.regionMatches(true, 0, "ResourceId=", 0, "ResourceId=".length())) {
      throw SearchException.badRequest(
          "Managed identity connection strings (ResourceId=…) are not supported; use a"
              + " connection string with an account key or a SAS.");
    }
    String name = container.path("name").asText("");
    if (!CONTAINER.matcher(name).matches()) {
      throw SearchException.badRequest(
          "The container name '"
              + name
              + "' is not valid: 'container.name' must be 3 to 63 lowercase letters, digits and"
              + " single hyphens.");
    }
    JsonNode query = container.path("query");
    if (!query.isMissingNode() && !query.isNull() && !query.isTextual()) {
      throw SearchException.badRequest("'container.query' must be a string, a blob name prefix.");
    }
    try {
      var service = BlobAccounts.fromConnectionString(text, outbound::check);
      return new BlobSource(service.getBlobContainerClient(name), query.asText(""));
    } catch (IllegalArgumentException e) {
      throw SearchException.badRequest(
          "The data source connection string is not valid: use a storage account connection"
              + " string (DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…, or"
              + " BlobEndpoint=…;SharedAccessSignature=…).");
    } catch (ApiException e) {
      throw SearchException.badRequest(
          "The data source's Blob endpoint is not an allowed outbound destination: "
              + e.getMessage());
    }
  }

  /** The folder a data source names, which must lie under the ingestion root. */
  private Path folder(JsonNode source) {
    String name = source.path("container").path("name").asText("");
    if (name.isBlank()) {
      throw SearchException.badRequest(
          "A folder data source needs 'container.name', the folder to crawl.");
    }
    Path folder = ingestRoot.resolve(name).toAbsolutePath().normalize();
    if (!folder.startsWith(ingestRoot)) {
      throw SearchException.badRequest(
          "The folder '"
              + name
              + "' is outside the ingestion root "
              + ingestRoot
              + " (LAZURITE_INGEST_ROOT).");
    }
    return folder;
  }
}
