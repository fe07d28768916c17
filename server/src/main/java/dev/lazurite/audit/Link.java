package dev.lazurite.audit;

import java.nio.charset.StandardCharsets;

/**
 * What verification needs of one record: its place in its stream, the hashes it names, and the hash
 * its content actually has.
 *
 * @param computedHash SHA-256 of the record's canonical text, as read
 */
public record Link(String stream, long seq, String previousHash, String hash, String computedHash) {
  /** The link of a record read from the store. */
  static Link of(AuditRecord r, Canonical canonical) {
    return new Link(r.stream(), r.seq(), r.previousHash(), r.hash(), canonical.hash(r));
  }

  /**
   * The link of a record's JSON line, read without parsing it: the canonical text is the line up to
   * its {@code "hash"} field, and every string in it is escaped, so the field names found where the
   * canonical layout puts them are the record's own.
   *
   * @throws IllegalArgumentException when the line does not have the canonical layout
   */
  static Link ofLine(String line, Canonical canonical, long lineNumber) {
    String hashField = ",\"hash\":\"";
    String previousField = ",\"previousHash\":\"";
    String start = "{\"stream\":\"";
    String seqField = "\",\"seq\":";
    int hashAt = line.lastIndexOf(hashField);
    int previousAt = line.lastIndexOf(previousField);
    int seqAt = line.indexOf(seqField);
    if (!line.startsWith(start)
        || !line.endsWith("\"}")
        || hashAt < 0
        || previousAt < 0
        || seqAt < 0
        || previousAt > hashAt) {
      throw new IllegalArgumentException("line " + lineNumber + " is not an audit record");
    }
    int seqEnd = line.indexOf(',', seqAt + seqField.length());
    long seq;
    try {
      seq = Long.parseLong(line.substring(seqAt + seqField.length(), seqEnd));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("line " + lineNumber + " has no sequence number");
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    int hashByteAt = bytes.length == line.length() ? hashAt : Canonical.hashFieldAt(bytes);
    return new Link(
        line.substring(start.length(), seqAt),
        seq,
        line.substring(previousAt + previousField.length(), hashAt - 1),
        line.substring(hashAt + hashField.length(), line.length() - 2),
        canonical.hashOfLine(bytes, hashByteAt));
  }
}
