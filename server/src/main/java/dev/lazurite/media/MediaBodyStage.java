package dev.lazurite.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.request.BodyStage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The body of an image or audio call: JSON (images, speech), or an upload's form (audio, or images
 * to edit), read whole up to Azure's 25 MiB limit (over it, Azure's 413). A form's text fields
 * become the exchange's JSON body, so that the deployment is found from {@code model} on v1 routes
 * as for any model call; its file stays in the request body for {@link MediaStage}.
 */
public final class MediaBodyStage implements Stage {
  /** The form around the file: its fields and boundaries. */
  private static final int FORM_OVERHEAD = 1 << 20;

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Exchange.Request request = exchange.request();
    if (request.route().operation().body() != Operation.BodyKind.MULTIPART) {
      JsonNode body;
      try {
        body = Json.parse(request.body());
      } catch (IOException e) {
        throw ApiException.invalid(BodyStage.MALFORMED, null, null);
      }
      return chain.proceed(exchange.withJsonBody(Fields.requireObjectBody(body)));
    }
    byte[] body;
    // The edge owns the streamed body and finishes it after the answer: read, never closed here.
    InputStream in = request.bodyStream().orElseGet(() -> new ByteArrayInputStream(request.body()));
    try {
      body = in.readNBytes(AudioForm.MAX_AUDIO + FORM_OVERHEAD + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length > AudioForm.MAX_AUDIO + FORM_OVERHEAD) {
      throw AudioForm.tooLarge(body.length);
    }
    String contentType = request.header("content-type").orElse("");
    ObjectNode fields =
        request.route().operation() == Operation.IMAGES_EDITS
            ? ImageForm.read(contentType, body).fields()
            : AudioForm.read(contentType, body).fields();
    Exchange read =
        new Exchange(request.withBody(body, Optional.empty()))
            .withCaller(exchange.principal(), exchange.account())
            .withJsonBody(fields);
    return chain.proceed(read);
  }
}
