// Reads named entries of a zip archive held in memory (DOCX, ODT, EPUB), with every size counted
// while inflating: the sizes an archive declares are never trusted (zip bombs, RELIABILITY T-P2).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace Poco::Zip {
class ZipArchive;
}

namespace jil::extract {

// Entries in one archive: office files hold a few dozen; 10,000 covers a large EPUB.
inline constexpr size_t kMaxZipEntries = 10'000;
// Bytes inflated from one entry, and from all entries read from one archive: well above any real
// document.xml or chapter, and far below the extractor's memory budget.
inline constexpr size_t kMaxZipEntryBytes = size_t{64} * 1024 * 1024;
inline constexpr size_t kMaxZipTotalBytes = size_t{256} * 1024 * 1024;
// Inflated bytes per compressed byte allowed once an entry has inflated kZipRatioGraceBytes:
// XML compresses about 10:1; 100:1 is only reached by crafted data.
inline constexpr size_t kMaxZipRatio = 100;
inline constexpr size_t kZipRatioGraceBytes = 100 * 1024;

// Not thread-safe; holds a view of `bytes`, which must outlive it.
class ZipReader {
 public:
  // Reads the headers. Fails with kLimitExceeded "too many entries" past kMaxZipEntries, or
  // kCorrupt "not a readable zip archive".
  static Result<ZipReader> open(std::string_view bytes);

  ZipReader(ZipReader&&) noexcept;
  ZipReader& operator=(ZipReader&&) noexcept;
  ~ZipReader();

  bool contains(const std::string& name) const;

  // The inflated bytes of entry `name`. kNotFound when absent; kLimitExceeded "decompressed size
  // limit" or "ratio limit" as soon as inflating passes a limit; kCorrupt for damaged or
  // encrypted entries.
  Result<std::string> read(const std::string& name);

 private:
  ZipReader(std::string_view bytes, std::unique_ptr<Poco::Zip::ZipArchive> archive);

  std::string_view bytes_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  size_t total_inflated_ = 0;  // over every read, for kMaxZipTotalBytes
};

}  // namespace jil::extract
