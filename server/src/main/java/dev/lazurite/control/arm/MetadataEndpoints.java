package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.EdgeResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code GET /metadata/endpoints}: the cloud metadata document ARM serves, naming Lazurite's own
 * endpoints. {@code az cloud register --endpoint-resource-manager URL} reads it ({@code
 * api-version=2015-01-01}) for the login endpoint and the management audience; newer clients read
 * the list of clouds of {@code 2019-05-01} and later. The endpoints are those the client addressed
 * (its {@code Host}), as the token service's discovery documents do. The login endpoint ends in
 * {@code /adfs}, so MSAL treats it as an authority of its own and does no instance discovery
 * against the public cloud.
 */
public final class MetadataEndpoints implements Handler {
  /** The ARM audiences tokens for the control plane are issued for, as Azure lists them. */
  public static final List<String> AUDIENCES =
      List.of("https://management.core.windows.net/", "https://management.azure.com/");

  static final String LEGACY = "2015-01-01";
  static final List<String> VERSIONS = List.of(LEGACY, "2019-05-01", "2020-06-01", "2022-09-01");

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    try {
      String version = ApiVersions.require(req.query().first("api-version").asOptional(), VERSIONS);
      if (!VERSIONS.contains(version)) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_API_VERSION, version, String.join(", ", VERSIONS));
      }
      String base = base(req);
      Object body = version.equals(LEGACY) ? legacy(base) : clouds(base);
      EdgeResponses.json(res, 200, Json.write(body));
    } catch (ApiException e) {
      EdgeResponses.json(res, e.errorCode().status(), ErrorRenderer.render(e));
    }
  }

  /** The 2015-01-01 document. */
  static ObjectNode legacy(String base) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("galleryEndpoint", "");
    doc.put("graphEndpoint", "");
    doc.put("portalEndpoint", base + "/");
    ObjectNode authentication = doc.putObject("authentication");
    authentication.put("loginEndpoint", base + "/adfs");
    AUDIENCES.forEach(authentication.putArray("audiences")::add);
    return doc;
  }

  /** The list of clouds of 2019-05-01 and later, with Lazurite as its one cloud. */
  static ArrayNode clouds(String base) {
    ArrayNode clouds = Json.MAPPER.createArrayNode();
    ObjectNode cloud = clouds.addObject();
    cloud.put("name", "Lazurite");
    cloud.put("resourceManager", base + "/");
    cloud.put("portal", base + "/");
    cloud.put("gallery", "");
    cloud.put("graph", "");
    cloud.put("graphAudience", "");
    cloud.put("microsoftGraphResourceId", "");
    cloud.put("batch", "");
    cloud.put("sqlManagement", "");
    cloud.put("media", "");
    cloud.put("vmImageAliasDoc", "");
    cloud.put("activeDirectoryDataLake", "");
    ObjectNode authentication = cloud.putObject("authentication");
    authentication.put("loginEndpoint", base + "/adfs");
    AUDIENCES.forEach(authentication.putArray("audiences")::add);
    authentication.put("tenant", "adfs");
    authentication.put("identityProvider", "ADFS");
    cloud.putObject("suffixes");
    return clouds;
  }

  private static String base(ServerRequest req) {
    String host = req.headers().first(HeaderNames.HOST).orElse("localhost");
    return (req.isSecure() ? "https://" : "http://") + host;
  }
}
