package dev.lazurite.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.io.IOException;

/** Parses the JSON body of operations that take one; malformed JSON is a 400. */
public final class BodyStage implements Stage {
  public static final String MALFORMED =
      "We could not parse the JSON body of your request. The API expects a JSON payload, but what"
          + " was sent was not valid JSON.";

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    JsonNode body;
    try {
      body = Json.parse(exchange.request().body());
    } catch (IOException e) {
      throw ApiException.invalid(MALFORMED, null, null);
    }
    return chain.proceed(exchange.withJsonBody(Fields.requireObjectBody(body)));
  }
}
