package dev.lazurite.audit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks one stream: every record's hash matches its content, each follows the one before (its
 * sequence number is the next one and its previous hash is that record's hash), every signed
 * checkpoint is genuine and agrees with the record it names, and none names a record that is gone.
 * The stream starts at record 1, or, after a retention sweep, at a record a checkpoint vouches for.
 * Stops at the first broken record.
 */
public final class AuditVerifier {
  private final Predicate<Checkpoint> genuine;

  /**
   * @param genuine whether a checkpoint's signature is the server's
   */
  public AuditVerifier(Predicate<Checkpoint> genuine) {
    this.genuine = genuine;
  }

  /**
   * Reads {@code records} (in stored order) to the end or to the first broken one, hashing them on
   * every core while their chain is checked in order.
   */
  public Verification verify(
      String stream, Iterator<AuditRecord> records, List<Checkpoint> checkpoints) {
    try (var links = new HashedLinks<>(records, Link::of)) {
      return verifyLinks(stream, links, checkpoints);
    }
  }

  /** Reads the links of a stream's records (in stored order) to the end or the first broken one. */
  public Verification verifyLinks(
      String stream, Iterator<Link> records, List<Checkpoint> checkpoints) {
    Map<Long, Checkpoint> bySeq = new HashMap<>();
    for (Checkpoint c : checkpoints) {
      if (!c.stream().equals(stream) || !genuine.test(c)) {
        return Verification.broken(
            stream, 0, 0, c.seq(), "the checkpoint at record " + c.seq() + " is not signed");
      }
      bySeq.put(c.seq(), c);
    }
    long count = 0;
    long first = 0;
    long expected = 0;
    String previous = "";
    while (records.hasNext()) {
      Link r = records.next();
      count++;
      if (!r.stream().equals(stream)) {
        return broken(stream, count, bySeq, r.seq(), "belongs to stream " + r.stream());
      }
      if (count == 1) {
        first = r.seq();
        if (!startsWell(r, bySeq)) {
          return broken(
              stream,
              count,
              bySeq,
              r.seq() == 1 ? 1 : r.seq() - 1,
              "the stream's start is missing");
        }
      } else if (r.seq() != expected) {
        return broken(
            stream,
            count,
            bySeq,
            expected,
            "record " + expected + " is missing or out of order (found " + r.seq() + ")");
      } else if (!r.previousHash().equals(previous)) {
        return broken(stream, count, bySeq, r.seq(), "does not follow record " + (r.seq() - 1));
      }
      String hash = r.computedHash();
      if (!hash.equals(r.hash())) {
        return broken(stream, count, bySeq, r.seq(), "its content does not match its hash");
      }
      Checkpoint c = bySeq.get(r.seq());
      if (c != null && !c.hash().equals(hash)) {
        return broken(
            stream, count, bySeq, r.seq(), "differs from the signed checkpoint of that record");
      }
      expected = r.seq() + 1;
      previous = hash;
    }
    long last = expected - 1;
    for (Checkpoint c : bySeq.values()) {
      if (c.seq() > last) {
        return broken(
            stream,
            count,
            bySeq,
            last + 1,
            "record " + (last + 1) + " is missing: a checkpoint names record " + c.seq());
      }
    }
    return new Verification(stream, true, count, bySeq.size(), first, Math.max(last, 0), 0, "");
  }

  /**
   * A stream starts at record 1, or at a record a checkpoint vouches for: one at that record (its
   * hash is checked below) or at the record before it (whose hash it must name).
   */
  private static boolean startsWell(Link r, Map<Long, Checkpoint> checkpoints) {
    if (r.seq() == 1) {
      return r.previousHash().equals(Canonical.GENESIS);
    }
    Checkpoint before = checkpoints.get(r.seq() - 1);
    return checkpoints.containsKey(r.seq())
        || before != null && before.hash().equals(r.previousHash());
  }

  private static Verification broken(
      String stream, long count, Map<Long, Checkpoint> checkpoints, long seq, String why) {
    return Verification.broken(stream, count, checkpoints.size(), seq, why);
  }
}
