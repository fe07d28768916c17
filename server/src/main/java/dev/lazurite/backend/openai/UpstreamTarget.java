package dev.lazurite.backend.openai;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.AzureSettings;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.ModelSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where an upstream's operations live and how a request to it is authenticated. */
public sealed interface UpstreamTarget {
  /**
   * @param operation {@code chat/completions}, {@code completions} or {@code embeddings}
   */
  URI destination(String operation);

  /** A cheap authenticated GET that tells whether the upstream answers: its model list. */
  URI health();

  /** The headers that authenticate a request; empty for none. */
  Map<String, String> authorization();

  /** The model name to send upstream. */
  String model(ModelSpec model);

  /** Masks every secret this target sends upstream, in what the upstream sends back. */
  SecretRedactor redactor();

  /**
   * Where the upstream serves the Responses API, empty when Responses requests are translated to
   * chat completions for it.
   */
  Optional<URI> responses();

  /** The model name a Responses request sends upstream. */
  String responsesModel(ModelSpec model);

  /**
   * An OpenAI-shaped server: {@code {base}/chat/completions} with a bearer key.
   *
   * @param nativeResponses whether the server also serves {@code {base}/responses}
   */
  record OpenAi(URI base, String upstreamModel, String apiKey, boolean nativeResponses)
      implements UpstreamTarget {
    public OpenAi {
      requireNonNull(apiKey, "apiKey is null");
      String text = base.toString();
      base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    public OpenAi(URI base, String upstreamModel, String apiKey) {
      this(base, upstreamModel, apiKey, false);
    }

    @Override
    public Optional<URI> responses() {
      return nativeResponses ? Optional.of(base.resolve("responses")) : Optional.empty();
    }

    @Override
    public String responsesModel(ModelSpec model) {
      return model(model);
    }

    @Override
    public URI destination(String operation) {
      return base.resolve(operation);
    }

    @Override
    public URI health() {
      return base.resolve("models");
    }

    @Override
    public Map<String, String> authorization() {
      return apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public String model(ModelSpec model) {
      return upstreamModel.isEmpty() ? model.name() : upstreamModel;
    }

    @Override
    public SecretRedactor redactor() {
      return SecretRedactor.of(List.of(apiKey));
    }

    @Override
    public String toString() {
      return "OpenAi[" + base + "]";
    }
  }

  /**
   * A deployment on an Azure OpenAI resource: {@code
   * {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...} with an {@code
   * api-key} header, or a bearer token from {@link EntraTokens}.
   */
  record Azure(
      URI endpoint,
      AzureSettings settings,
      String apiKey,
      EntraTokens tokens,
      boolean nativeResponses)
      implements UpstreamTarget {
    /** A target that serves Responses calls natively. */
    public Azure(URI endpoint, AzureSettings settings, String apiKey, EntraTokens tokens) {
      this(endpoint, settings, apiKey, tokens, true);
    }

    public Azure {
      requireNonNull(settings, "settings is null");
      requireNonNull(apiKey, "apiKey is null");
      String text = endpoint.toString();
      endpoint = URI.create(text.endsWith("/") ? text : text + "/");
    }

    @Override
    public URI destination(String operation) {
      return endpoint.resolve(
          "openai/deployments/"
              + URLEncoder.encode(settings.deployment(), StandardCharsets.UTF_8)
              + "/"
              + operation
              + "?api-version="
              + URLEncoder.encode(settings.effectiveApiVersion(), StandardCharsets.UTF_8));
    }

    /** Azure OpenAI serves the Responses API at {@code {endpoint}/openai/v1/responses}. */
    @Override
    public Optional<URI> responses() {
      return nativeResponses
          ? Optional.of(endpoint.resolve("openai/v1/responses"))
          : Optional.empty();
    }

    /** On the v1 routes the model is the upstream deployment's name. */
    @Override
    public String responsesModel(ModelSpec model) {
      return settings.deployment();
    }

    @Override
    public URI health() {
      return endpoint.resolve(
          "openai/models?api-version="
              + URLEncoder.encode(settings.effectiveApiVersion(), StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> authorization() {
      if (tokens != null) {
        return Map.of("Authorization", "Bearer " + tokens.token());
      }
      return apiKey.isEmpty() ? Map.of() : Map.of("api-key", apiKey);
    }

    @Override
    public String model(ModelSpec model) {
      return model.name();
    }

    @Override
    public SecretRedactor redactor() {
      List<String> secrets = new ArrayList<>(List.of(apiKey));
      if (tokens != null) {
        secrets.addAll(tokens.secrets());
      }
      return SecretRedactor.of(secrets);
    }

    @Override
    public String toString() {
      return "Azure[" + endpoint + ", " + settings.deployment() + "]";
    }
  }
}
