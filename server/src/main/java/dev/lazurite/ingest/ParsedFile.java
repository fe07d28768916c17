package dev.lazurite.ingest;

/** The text and title Apache Tika found in a file. */
public record ParsedFile(String title, String text) {}
