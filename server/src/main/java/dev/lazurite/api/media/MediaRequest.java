package dev.lazurite.api.media;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated image or audio request. Media backends consume it with an exhaustive {@code switch},
 * so a new media API that a backend forgets does not compile.
 */
public sealed interface MediaRequest permits ImageRequest, TranscriptionRequest, SpeechRequest {
  /** The fields as the client sent them (for a form, its text fields), for pass-through. */
  ObjectNode raw();
}
