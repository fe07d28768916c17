package dev.lazurite.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.media.ImageEditParser;
import dev.lazurite.api.media.ImageRequest;
import dev.lazurite.api.media.ImageRequestParser;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.api.media.SpeechRequest;
import dev.lazurite.api.media.SpeechRequestParser;
import dev.lazurite.api.media.TranscriptionRequest;
import dev.lazurite.api.media.TranscriptionRequestParser;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.MediaBackend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.cost.MediaPrices;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.Screening;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last stage of an image or audio call: validates the request for the deployment's model,
 * screens an image prompt under the deployment's content filter (a blocked prompt is Azure's images
 * 400, {@code content_policy_violation}), takes the per-minute quota in Azure's units, asks the
 * deployment's backend, and answers with what it made. Image answers carry Azure's per-image {@code
 * prompt_filter_results} and {@code content_filter_results}. The answer carries the metered units
 * for the ledger: image units as completion tokens, audio seconds or speech characters as prompt
 * tokens.
 */
public final class MediaStage implements Stage {
  private final MediaQuota quota;
  private final ContentSafety safety;

  public MediaStage(QuotaCounters counters, ContentSafety safety) {
    this.quota = new MediaQuota(counters);
    this.safety = safety;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    DeploymentRuntime deployment = exchange.deployment();
    ModelSpec model = deployment.model();
    MediaRequest request = parse(exchange, model);
    MediaBackend backend = backend(exchange.route().operation(), deployment);
    Optional<Screening> screening = Optional.empty();
    if (request instanceof ImageRequest image) {
      Screening s =
          safety.prompt(
              deployment.filter(),
              List.of(new ContentSafety.Text(image.prompt(), Classifier.Source.PROMPT)));
      if (s.blocked()) {
        throw ApiException.contentFilter(s.results()).asImageContentFilter();
      }
      screening = Optional.of(s);
    }
    var taken =
        quota.take(
            deployment.deployment(),
            exchange.route(),
            exchange.account().account().skuName(),
            request,
            quotaUnits(request));
    MediaBackend.MediaAnswer answer;
    try {
      answer = backend.media(request, model);
    } catch (RuntimeException e) {
      taken.ifPresent(quota::giveBack);
      throw e;
    }
    Map<String, String> headers = taken.map(MediaQuota.Taken::headers).orElse(Map.of());
    int prompt = billedInput(request);
    return switch (answer) {
      case MediaBackend.JsonAnswer json -> {
        ObjectNode body = json.body();
        if (screening.isPresent()) {
          annotate(body, screening.get(), deployment);
        }
        int completion =
            request instanceof ImageRequest image
                ? MediaPrices.imageUnits(
                    model.name(), image.size(), image.quality(), body.path("data").size())
                : 0;
        yield new Response.Json(200, headers, body, prompt, completion);
      }
      case MediaBackend.RawAnswer raw ->
          Response.Bytes.of(raw.contentType(), raw.bytes(), prompt).withHeaders(headers);
    };
  }

  private static MediaRequest parse(Exchange exchange, ModelSpec model) {
    ObjectNode body = exchange.jsonBody();
    return switch (exchange.route().operation()) {
      case IMAGES_GENERATIONS -> ImageRequestParser.parse(body, model);
      case IMAGES_EDITS -> {
        ImageForm form =
            ImageForm.read(
                exchange.request().header("content-type").orElse(""), exchange.request().body());
        yield ImageEditParser.parse(form.fields(), form.images(), form.mask(), model);
      }
      case AUDIO_SPEECH -> SpeechRequestParser.parse(body);
      case AUDIO_TRANSCRIPTIONS, AUDIO_TRANSLATIONS -> {
        AudioForm form =
            AudioForm.read(
                exchange.request().header("content-type").orElse(""), exchange.request().body());
        yield TranscriptionRequestParser.parse(
            form.fields(),
            exchange.route().operation() == Operation.AUDIO_TRANSLATIONS,
            form.filename(),
            form.audio());
      }
      case CHAT_COMPLETIONS,
          COMPLETIONS,
          EMBEDDINGS,
          LIST_MODELS,
          FILES_UPLOAD,
          FILES_LIST,
          FILES_GET,
          FILES_DELETE,
          FILES_CONTENT,
          BATCHES_CREATE,
          BATCHES_LIST,
          BATCHES_GET,
          BATCHES_CANCEL,
          RESPONSES_CREATE,
          RESPONSES_INPUT_TOKENS,
          RESPONSES_GET,
          RESPONSES_DELETE,
          RESPONSES_INPUT_ITEMS,
          RESPONSES_CANCEL ->
          throw new IllegalStateException("not a media call: " + exchange.route().operation());
    };
  }

  /**
   * The deployment's backend, or the first of its pool that serves media (a pool's failover is for
   * model calls; an image or audio call goes to one backend).
   */
  private static MediaBackend backend(Operation operation, DeploymentRuntime deployment) {
    if (deployment.pool().isEmpty() && deployment.backend() instanceof MediaBackend media) {
      return media;
    }
    for (PoolMember member : deployment.pool()) {
      Backend b = member.backend();
      if (b instanceof MediaBackend media) {
        return media;
      }
    }
    throw ApiException.of(
        ErrorCode.OPERATION_NOT_SUPPORTED,
        operation.displayName(),
        deployment.deployment().model().name());
  }

  /** What the per-minute quota counts: images, seconds of audio, characters. */
  private static long quotaUnits(MediaRequest request) {
    return switch (request) {
      case ImageRequest image -> image.n();
      case TranscriptionRequest t -> (long) Math.ceil(t.seconds());
      case SpeechRequest speech -> speech.characters();
    };
  }

  /** What input the call is billed by: seconds of audio, characters of text; none for images. */
  private static int billedInput(MediaRequest request) {
    return switch (request) {
      case ImageRequest ignored -> 0;
      case TranscriptionRequest t -> (int) Math.ceil(t.seconds());
      case SpeechRequest speech -> speech.characters();
    };
  }

  private void annotate(ObjectNode body, Screening prompt, DeploymentRuntime deployment) {
    for (JsonNode item : body.path("data")) {
      if (item instanceof ObjectNode image) {
        image.set("prompt_filter_results", prompt.results().deepCopy());
        String revised = image.path("revised_prompt").asText("");
        image.set(
            "content_filter_results", safety.completion(deployment.filter(), revised).results());
      }
    }
  }
}
