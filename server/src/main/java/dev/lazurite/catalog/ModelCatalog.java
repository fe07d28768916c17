package dev.lazurite.catalog;

import static dev.lazurite.catalog.Encoding.CL100K_BASE;
import static dev.lazurite.catalog.Encoding.O200K_BASE;
import static dev.lazurite.catalog.ModelKind.CHAT;
import static dev.lazurite.catalog.ModelKind.COMPLETIONS;
import static dev.lazurite.catalog.ModelKind.EMBEDDINGS;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The models Lazurite knows, with Azure's names, versions, context windows and output limits. The
 * first version listed for a name is its default version.
 */
public final class ModelCatalog {
  public static final String EMBEDDED_EMBEDDING_MODEL = "all-minilm-l6-v2";

  /** The format of Anthropic's models, as deployments report it. */
  public static final String ANTHROPIC = "Anthropic";

  /** The format of Google's Gemini models, as deployments report it. */
  public static final String GOOGLE = "Google";

  private static final Set<ModelKind> CHAT_ONLY = Set.of(CHAT);
  private static final Set<ModelKind> CHAT_AND_COMPLETIONS = Set.of(CHAT, COMPLETIONS);

  private static final List<ModelSpec> MODELS =
      List.of(
          chat("gpt-35-turbo", "0125", CL100K_BASE, 16_385, 4_096, "gpt-35-turbo"),
          new ModelSpec(
              "gpt-35-turbo",
              "0613",
              "OpenAI",
              CHAT_AND_COMPLETIONS,
              CL100K_BASE,
              4_096,
              4_096,
              0,
              false,
              "gpt-35-turbo"),
          new ModelSpec(
              "gpt-35-turbo",
              "0301",
              "OpenAI",
              CHAT_AND_COMPLETIONS,
              CL100K_BASE,
              4_096,
              4_096,
              0,
              false,
              "gpt-35-turbo"),
          chat("gpt-35-turbo", "1106", CL100K_BASE, 16_385, 4_096, "gpt-35-turbo"),
          chat("gpt-35-turbo-16k", "0613", CL100K_BASE, 16_384, 4_096, "gpt-35-turbo-16k"),
          new ModelSpec(
              "gpt-35-turbo-instruct",
              "0914",
              "OpenAI",
              Set.of(COMPLETIONS),
              CL100K_BASE,
              4_097,
              4_096,
              0,
              false,
              "gpt-35-turbo-instruct"),
          chat("gpt-4", "turbo-2024-04-09", CL100K_BASE, 128_000, 4_096, "gpt-4"),
          chat("gpt-4", "0613", CL100K_BASE, 8_192, 8_192, "gpt-4"),
          chat("gpt-4-32k", "0613", CL100K_BASE, 32_768, 32_768, "gpt-4-32k"),
          chat("gpt-4o", "2024-11-20", O200K_BASE, 128_000, 16_384, "gpt-4o-2024-11-20"),
          chat("gpt-4o", "2024-08-06", O200K_BASE, 128_000, 16_384, "gpt-4o-2024-08-06"),
          chat("gpt-4o", "2024-05-13", O200K_BASE, 128_000, 4_096, "gpt-4o-2024-05-13"),
          chat("gpt-4o-mini", "2024-07-18", O200K_BASE, 128_000, 16_384, "gpt-4o-mini-2024-07-18"),
          chat("gpt-4.1", "2025-04-14", O200K_BASE, 1_047_576, 32_768, "gpt-4.1-2025-04-14"),
          chat(
              "gpt-4.1-mini",
              "2025-04-14",
              O200K_BASE,
              1_047_576,
              32_768,
              "gpt-4.1-mini-2025-04-14"),
          chat(
              "gpt-4.1-nano",
              "2025-04-14",
              O200K_BASE,
              1_047_576,
              32_768,
              "gpt-4.1-nano-2025-04-14"),
          reasoning("o1", "2024-12-17", 200_000, 100_000),
          reasoning("o3-mini", "2025-01-31", 200_000, 100_000),
          reasoning("o4-mini", "2025-04-16", 200_000, 100_000),
          claude("claude-sonnet-4-5", "20250929", 200_000, 64_000),
          claude("claude-haiku-4-5", "20251001", 200_000, 64_000),
          claude("claude-opus-4-1", "20250805", 200_000, 32_000),
          claude("claude-sonnet-4", "20250514", 200_000, 64_000),
          claude("claude-opus-4", "20250514", 200_000, 32_000),
          claude("claude-3-7-sonnet", "20250219", 200_000, 64_000),
          claude("claude-3-5-haiku", "20241022", 200_000, 8_192),
          gemini("gemini-2.5-pro", "2025-06-17", 1_048_576, 65_536, "gemini-2.5-pro"),
          gemini("gemini-2.5-flash", "2025-06-17", 1_048_576, 65_536, "gemini-2.5-flash"),
          gemini("gemini-2.5-flash-lite", "2025-07-22", 1_048_576, 65_536, "gemini-2.5-flash-lite"),
          gemini("gemini-2.0-flash", "001", 1_048_576, 8_192, "gemini-2.0-flash-001"),
          gemini("gemini-2.0-flash-lite", "001", 1_048_576, 8_192, "gemini-2.0-flash-lite-001"),
          new ModelSpec(
              "gemini-embedding-001",
              "1",
              GOOGLE,
              Set.of(EMBEDDINGS),
              O200K_BASE,
              2_048,
              0,
              3_072,
              false,
              "gemini-embedding-001"),
          embedding("text-embedding-ada-002", "2", CL100K_BASE, 8_191, 1_536),
          embedding("text-embedding-3-small", "1", CL100K_BASE, 8_191, 1_536),
          embedding("text-embedding-3-large", "1", CL100K_BASE, 8_191, 3_072),
          new ModelSpec(
              EMBEDDED_EMBEDDING_MODEL,
              "1",
              "Lazurite",
              Set.of(EMBEDDINGS),
              CL100K_BASE,
              8_191,
              0,
              384,
              false,
              EMBEDDED_EMBEDDING_MODEL),
          media("dall-e-3", "3.0", ModelKind.IMAGES),
          media("gpt-image-1", "2025-04-15", ModelKind.IMAGES),
          media("whisper", "001", ModelKind.TRANSCRIPTION),
          media("gpt-4o-transcribe", "2025-03-20", ModelKind.TRANSCRIPTION),
          media("tts", "001", ModelKind.SPEECH),
          media("tts-hd", "001", ModelKind.SPEECH));

  private ModelCatalog() {}

  public static List<ModelSpec> all() {
    return MODELS;
  }

  /** The named model at the given version, or at its default version when version is empty. */
  public static Optional<ModelSpec> find(String name, String version) {
    return MODELS.stream()
        .filter(m -> m.name().equals(name))
        .filter(m -> version.isEmpty() || m.version().equals(version))
        .findFirst();
  }

  private static ModelSpec chat(
      String name, String version, Encoding enc, int context, int maxOut, String responseName) {
    return new ModelSpec(
        name, version, "OpenAI", CHAT_ONLY, enc, context, maxOut, 0, false, responseName);
  }

  private static ModelSpec reasoning(String name, String version, int context, int maxOut) {
    return new ModelSpec(
        name,
        version,
        "OpenAI",
        CHAT_ONLY,
        O200K_BASE,
        context,
        maxOut,
        0,
        true,
        name + "-" + version);
  }

  /**
   * An Anthropic model, served by an anthropic backend. Its tokenizer is not published: prompt
   * estimates use cl100k_base, which counts English text within a few percent of Claude's own
   * count; usage reported to clients and metered is Anthropic's own count.
   */
  private static ModelSpec claude(String name, String version, int context, int maxOut) {
    return new ModelSpec(
        name,
        version,
        ANTHROPIC,
        CHAT_ONLY,
        CL100K_BASE,
        context,
        maxOut,
        0,
        false,
        name + "-" + version);
  }

  /**
   * A Gemini model, served by a gemini backend. Its tokenizer is not published: prompt estimates
   * use o200k_base; usage reported to clients and metered is Gemini's own count.
   */
  private static ModelSpec gemini(
      String name, String version, int context, int maxOut, String responseName) {
    return new ModelSpec(
        name, version, GOOGLE, CHAT_ONLY, O200K_BASE, context, maxOut, 0, false, responseName);
  }

  private static ModelSpec embedding(
      String name, String version, Encoding enc, int context, int dimensions) {
    return new ModelSpec(
        name, version, "OpenAI", Set.of(EMBEDDINGS), enc, context, 0, dimensions, false, name);
  }

  /**
   * An image or audio model: no token limits of its own (its prompt limits are the API's), billed
   * in images, seconds or characters.
   */
  private static ModelSpec media(String name, String version, ModelKind kind) {
    return new ModelSpec(
        name, version, "OpenAI", Set.of(kind), CL100K_BASE, 4_096, 0, 0, false, name);
  }

  /** The model, or the ARM error Azure gives for a model it does not offer. */
  public static ModelSpec require(String name, String version) {
    return find(name, version).orElseThrow(() -> notSupported(name, version, all()));
  }

  /** The ARM error Azure gives for a model it does not offer, naming the ones it does. */
  static ApiException notSupported(String name, String version, List<ModelSpec> known) {
    return ApiException.of(
        ErrorCode.ARM_MODEL_NOT_SUPPORTED,
        "The model 'Format:OpenAI,Name:%s,Version:%s' is not supported. Known models: %s."
            .formatted(
                name,
                version,
                String.join(", ", known.stream().map(m -> m.name() + " " + m.version()).toList())));
  }
}
