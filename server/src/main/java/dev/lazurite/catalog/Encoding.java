package dev.lazurite.catalog;

/** The tokenizer a model family uses. */
public enum Encoding {
  CL100K_BASE,
  O200K_BASE
}
