package dev.lazurite.files;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;

/** The Files API's errors, in Azure's envelope ({@code invalidPayload}, {@code notFound}). */
final class FileErrors {
  static final String INVALID_PURPOSE = "Invalid value for purpose.";

  private FileErrors() {}

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.FILE_INVALID_PAYLOAD, message);
  }

  static ApiException notFound(String id) {
    return ApiException.of(ErrorCode.FILE_NOT_FOUND, id);
  }

  static ApiException tooLarge(FilePurpose purpose, long limit) {
    return invalid(
        "The file is too large: a file with purpose '%s' may hold at most %d bytes."
            .formatted(purpose.wire(), limit));
  }

  static ApiException tooLarge(long limit) {
    return invalid("The file is too large: a file may hold at most %d bytes.".formatted(limit));
  }

  static ApiException tooManyBatchFiles(long held, FileLimits limits) {
    return ApiException.of(
        ErrorCode.FILE_QUOTA_EXCEEDED,
        ("This resource already holds %d batch files. A resource may hold %d batch files, or %d"
                + " when files are uploaded with expires_after; delete files and try again.")
            .formatted(held, limits.batchFiles(), limits.batchFilesWithExpiry()));
  }

  static ApiException malformed() {
    return invalid("The request body is not valid multipart/form-data.");
  }
}
