package dev.lazurite.backend.translate;

/** What an upstream's error means to an Azure client, whatever the provider called it. */
public enum ErrorKind {
  /** The client's request was wrong: a 400 that keeps the upstream's message. */
  INVALID,
  /** The upstream's rate limit: a 429 with the upstream's {@code Retry-After}. */
  RATE_LIMITED,
  /** The upstream is overloaded: a 429 with a {@code Retry-After}, one second if none is said. */
  OVERLOADED,
  /** The upstream refused the deployment's credentials: a 502 that names no key. */
  REFUSED,
  /** The upstream timed out. */
  TIMEOUT,
  /** Anything else: an internal error. */
  OTHER
}
