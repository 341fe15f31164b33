// Implementation of extracted_text_codec.h: a magic tag, then each field as a little-endian
// 64-bit length and its bytes (numbers as 8 bytes), in a fixed order.
#include "extract/extracted_text_codec.h"

#include <cstdint>
#include <vector>

namespace jil::extract {
namespace {

constexpr std::string_view kMagic = "JILX1";
constexpr char kOkTag = 'T';
constexpr char kErrorTag = 'E';

class Writer {
 public:
  void number(uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) out_ += static_cast<char>((value >> shift) & 0xFF);
  }
  void bytes(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void list(const std::vector<std::string>& values) {
    number(values.size());
    for (const std::string& value : values) bytes(value);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; any read past the end sets failed() and yields zero or "".
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t number() {
    if (in_.size() < 8) return fail();
    uint64_t value = 0;
    for (int index = 0; index < 8; ++index) {
      value |= static_cast<uint64_t>(static_cast<uint8_t>(in_[index])) << (8 * index);
    }
    in_.remove_prefix(8);
    return value;
  }
  std::string bytes() {
    const uint64_t size = number();
    if (size > in_.size()) return (fail(), std::string());
    std::string value(in_.substr(0, size));
    in_.remove_prefix(size);
    return value;
  }
  std::vector<std::string> list() {
    std::vector<std::string> values;
    const uint64_t count = number();
    for (uint64_t index = 0; index < count && !failed_; ++index) values.push_back(bytes());
    return values;
  }
  bool failed() const { return failed_; }
  bool at_end() const { return in_.empty(); }

 private:
  uint64_t fail() {
    failed_ = true;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool failed_ = false;
};

Status malformed() { return Status(StatusCode::kCorrupt, "extractor sent a malformed result"); }

}  // namespace

std::string encode_extraction(const Result<ExtractedText>& result) {
  Writer writer;
  writer.out().append(kMagic);
  if (!result.is_ok()) {
    writer.out() += kErrorTag;
    writer.number(static_cast<uint64_t>(result.status().code()));
    writer.bytes(result.status().message());
    return std::move(writer.out());
  }
  const ExtractedText& extracted = *result;
  writer.out() += kOkTag;
  writer.bytes(extracted.title);
  writer.bytes(extracted.text);
  writer.bytes(extracted.language);
  writer.bytes(extracted.description);
  writer.number(extracted.page_offsets.size());
  for (uint32_t offset : extracted.page_offsets) writer.number(offset);
  writer.bytes(extracted.charset);
  writer.number(static_cast<uint64_t>(extracted.charset_confidence));
  writer.bytes(extracted.quality);
  writer.bytes(extracted.quality_notes);
  // Embedded properties (metadata/ reads them).
  const EmbeddedMetadata& embedded = extracted.embedded;
  writer.bytes(embedded.title);
  writer.bytes(embedded.language);
  writer.bytes(embedded.date);
  writer.number(static_cast<uint64_t>(static_cast<uint32_t>(embedded.year)));
  writer.list(embedded.authors);
  writer.bytes(embedded.description);
  writer.list(embedded.keywords);
  writer.bytes(embedded.type);
  writer.bytes(embedded.coverage);
  return std::move(writer.out());
}

Result<ExtractedText> decode_extraction(std::string_view bytes) {
  if (!bytes.starts_with(kMagic) || bytes.size() < kMagic.size() + 1) return malformed();
  const char tag = bytes[kMagic.size()];
  Reader reader(bytes.substr(kMagic.size() + 1));
  if (tag == kErrorTag) {
    const uint64_t code = reader.number();
    std::string message = reader.bytes();
    if (reader.failed() || !reader.at_end() || code == 0 ||
        code > static_cast<uint64_t>(StatusCode::kInternal)) {
      return malformed();
    }
    return Status(static_cast<StatusCode>(code), std::move(message));
  }
  if (tag != kOkTag) return malformed();
  ExtractedText extracted;
  extracted.title = reader.bytes();
  extracted.text = reader.bytes();
  extracted.language = reader.bytes();
  extracted.description = reader.bytes();
  const uint64_t pages = reader.number();
  for (uint64_t page = 0; page < pages && !reader.failed(); ++page) {
    extracted.page_offsets.push_back(static_cast<uint32_t>(reader.number()));
  }
  extracted.charset = reader.bytes();
  extracted.charset_confidence = static_cast<int>(reader.number() & 0xFF);
  extracted.quality = reader.bytes();
  extracted.quality_notes = reader.bytes();
  EmbeddedMetadata& embedded = extracted.embedded;
  embedded.title = reader.bytes();
  embedded.language = reader.bytes();
  embedded.date = reader.bytes();
  embedded.year = static_cast<int32_t>(static_cast<uint32_t>(reader.number()));
  embedded.authors = reader.list();
  embedded.description = reader.bytes();
  embedded.keywords = reader.list();
  embedded.type = reader.bytes();
  embedded.coverage = reader.bytes();
  if (reader.failed() || !reader.at_end()) return malformed();
  return extracted;
}

}  // namespace jil::extract
