package dev.lazurite.safety;

/** A custom blocklist a policy applies, to the prompt or the completion. */
public record BlocklistRef(String blocklistName, boolean blocking, String source) {}
