package dev.lazurite.catalog;

/** What a model can be asked to do. */
public enum ModelKind {
  CHAT,
  COMPLETIONS,
  EMBEDDINGS
}
