// Poco Zip behind zip_reader.h. Poco parses the headers and inflates; this file counts the bytes
// that come out, and the compressed bytes consumed, chunk by chunk.
#include "extract/zip_reader.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/SkipCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <array>

namespace jil::extract {
namespace {

// Skips each entry's data like Poco's SkipCallback, and stops the parse (by moving to the end of
// the stream) once there are more entries than kMaxZipEntries.
class CountingSkipCallback : public Poco::Zip::SkipCallback {
 public:
  bool handleZipEntry(std::istream& zip_stream,
                      const Poco::Zip::ZipLocalFileHeader& header) override {
    if (++entries_ > kMaxZipEntries) {
      too_many_ = true;
      zip_stream.seekg(0, std::ios::end);
      return true;
    }
    return SkipCallback::handleZipEntry(zip_stream, header);
  }
  bool too_many() const { return too_many_; }

 private:
  size_t entries_ = 0;
  bool too_many_ = false;
};

}  // namespace

ZipReader::ZipReader(std::string_view bytes, std::unique_ptr<Poco::Zip::ZipArchive> archive)
    : bytes_(bytes), archive_(std::move(archive)) {}
ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;
ZipReader::~ZipReader() = default;

Result<ZipReader> ZipReader::open(std::string_view bytes) {
  if (!bytes.starts_with("PK\x03\x04")) {
    return Status(StatusCode::kCorrupt, "not a readable zip archive");
  }
  try {
    Poco::MemoryInputStream stream(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    CountingSkipCallback callback;
    auto archive = std::make_unique<Poco::Zip::ZipArchive>(stream, callback);
    if (callback.too_many()) {
      return limit_exceeded("zip archive has too many entries (more than " +
                            std::to_string(kMaxZipEntries) + ")");
    }
    return ZipReader(bytes, std::move(archive));
  } catch (const Poco::Exception& error) {
    return Status(StatusCode::kCorrupt, "not a readable zip archive: " + error.displayText());
  } catch (const std::exception& error) {
    return Status(StatusCode::kCorrupt, std::string("not a readable zip archive: ") + error.what());
  }
}

bool ZipReader::contains(const std::string& name) const {
  return archive_->findHeader(name) != archive_->headerEnd();
}

Result<std::string> ZipReader::read(const std::string& name) {
  const auto header = archive_->findHeader(name);
  if (header == archive_->headerEnd()) return not_found("zip entry " + name + " is missing");
  if (header->second.isEncrypted()) {
    return Status(StatusCode::kCorrupt, "zip entry " + name + " is encrypted");
  }
  std::string out;
  try {
    Poco::MemoryInputStream stream(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
    Poco::Zip::ZipInputStream entry(stream, header->second, true);
    const std::streamoff data_start = header->second.getDataStartPos();
    std::array<char, 64 * 1024> chunk;
    while (entry) {
      entry.read(chunk.data(), chunk.size());
      const auto count = static_cast<size_t>(entry.gcount());
      if (count == 0) break;
      if (out.size() + count > kMaxZipEntryBytes) {
        return limit_exceeded("zip entry " + name + ": decompressed size limit (" +
                              std::to_string(kMaxZipEntryBytes >> 20) + " MiB per entry)");
      }
      if (total_inflated_ + count > kMaxZipTotalBytes) {
        return limit_exceeded("zip archive: decompressed size limit (" +
                              std::to_string(kMaxZipTotalBytes >> 20) + " MiB in all)");
      }
      out.append(chunk.data(), count);
      total_inflated_ += count;
      // What the inflater has taken from the archive so far (plus its read-ahead, which only
      // lowers the ratio seen); never the size the header declares.
      std::streamoff position = stream.tellg();
      if (position < 0) position = static_cast<std::streamoff>(bytes_.size());  // at the end
      const auto consumed = static_cast<size_t>(position > data_start ? position - data_start : 1);
      if (out.size() > kZipRatioGraceBytes && out.size() / consumed > kMaxZipRatio) {
        return limit_exceeded("zip entry " + name + ": ratio limit (" +
                              std::to_string(kMaxZipRatio) + ":1)");
      }
    }
  } catch (const Poco::Exception& error) {
    return Status(StatusCode::kCorrupt, "zip entry " + name + ": " + error.displayText());
  } catch (const std::exception& error) {
    return Status(StatusCode::kCorrupt, "zip entry " + name + ": " + error.what());
  }
  return out;
}

}  // namespace jil::extract
