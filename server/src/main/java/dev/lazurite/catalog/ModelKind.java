package dev.lazurite.catalog;

/** What a model can be asked to do. */
public enum ModelKind {
  CHAT,
  COMPLETIONS,
  EMBEDDINGS,
  /** Image generation (DALL-E, gpt-image). */
  IMAGES,
  /** Speech to text: transcriptions and translations (Whisper, gpt-4o-transcribe). */
  TRANSCRIPTION,
  /** Text to speech (tts, tts-hd). */
  SPEECH
}
