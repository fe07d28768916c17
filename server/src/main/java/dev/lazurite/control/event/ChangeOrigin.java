package dev.lazurite.control.event;

import static java.util.Objects.requireNonNull;

import dev.lazurite.control.AccountMetadata;

/**
 * Who asks for a change of the control plane, and from where. The ARM adapter binds it for the
 * duration of one request; a change made outside any request (the command line, the first start)
 * comes from the local admin.
 *
 * @param clientAddress the caller's IP address, or {@code local}
 */
public record ChangeOrigin(AccountMetadata.Actor actor, String clientAddress) {
  /** A change made on this machine, by the admin. */
  public static final ChangeOrigin LOCAL = new ChangeOrigin(AccountMetadata.Actor.ADMIN, "local");

  private static final ScopedValue<ChangeOrigin> CURRENT = ScopedValue.newInstance();

  public ChangeOrigin {
    requireNonNull(actor, "actor is null");
    requireNonNull(clientAddress, "clientAddress is null");
  }

  /** The origin bound for the running request, else {@link #LOCAL}. */
  public static ChangeOrigin current() {
    return CURRENT.orElse(LOCAL);
  }

  /** Runs {@code work} with this origin as {@link #current()}. */
  public <T, X extends Exception> T run(ScopedValue.CallableOp<T, X> work) throws X {
    return ScopedValue.where(CURRENT, this).call(work);
  }
}
