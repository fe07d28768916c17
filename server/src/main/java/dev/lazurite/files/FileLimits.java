package dev.lazurite.files;

/**
 * Azure's limits on uploads: the size of one file by purpose, and how many batch files one resource
 * may hold (batch output and error files count too).
 *
 * @param batchBytes the most a {@code batch} file may hold
 * @param otherBytes the most a file of any other purpose may hold
 * @param batchFiles the most batch files a resource may hold when the new one has no expiry
 * @param batchFilesWithExpiry the most when the new one carries an expiry
 */
public record FileLimits(
    long batchBytes, long otherBytes, long batchFiles, long batchFilesWithExpiry) {
  private static final long MB = 1024L * 1024L;

  /** Azure's: 200 MB for batch input, 512 MB for others, 500 batch files (10,000 with expiry). */
  public static final FileLimits AZURE = new FileLimits(200 * MB, 512 * MB, 500, 10_000);

  public FileLimits {
    if (batchBytes < 1 || otherBytes < 1 || batchFiles < 0 || batchFilesWithExpiry < 0) {
      throw new IllegalArgumentException("file limits must be positive");
    }
  }

  /** The most a file of the purpose may hold. */
  public long maxBytes(FilePurpose purpose) {
    return purpose == FilePurpose.BATCH ? batchBytes : otherBytes;
  }

  /** The most a file of any purpose may hold. */
  public long largest() {
    return Math.max(batchBytes, otherBytes);
  }
}
