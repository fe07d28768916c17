package dev.lazurite.pipeline;

/** The rest of the pipeline, as seen from a stage. */
@FunctionalInterface
public interface Chain {
  Response proceed(Exchange exchange);
}
