package dev.lazurite.safety;

/**
 * Assesses text for the harm categories and the prompt shields. Implementations are thread-safe; a
 * classifier that cannot reach its service answers {@link Assessment#failed} or throws, and the
 * caller applies the fail-open or fail-closed choice.
 */
public interface Classifier {
  /** Where a text comes from; which shields apply follows from it. */
  enum Source {
    /** A message the caller sent: harms and jailbreak. */
    PROMPT,
    /** A retrieved document or a tool result: harms and indirect attack. */
    DOCUMENT,
    /** A system message the application wrote: harms only. */
    SYSTEM,
    /** What the model wrote: harms only. */
    COMPLETION
  }

  Assessment classify(String text, Source source);

  /** A short name for logs and the evaluation report. */
  String name();
}
