// The file-name rule of file_name_id.h.
#include "metadata/file_name_id.h"

#include <unicode/unistr.h>

#include <cstdio>

namespace jil::metadata {
namespace {

constexpr size_t kMaxIdLength = 80;  // schema::is_valid_id

// FNV-1a: a stable short tag for names that keep no ASCII letter or digit.
uint32_t name_hash(std::string_view text) {
  uint32_t hash = 2166136261u;
  for (const char c : text) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

Result<std::unique_ptr<FileNameIds>> FileNameIds::create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_ascii(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !to_ascii) {
    return internal_error(std::string("ICU Any-Latin; Latin-ASCII unavailable: ") +
                          u_errorName(status));
  }
  return std::unique_ptr<FileNameIds>(new FileNameIds(std::move(to_ascii)));
}

std::string FileNameIds::id_for(std::string_view file_name) {
  const size_t dot = file_name.rfind('.');
  const std::string_view stem =
      dot == std::string_view::npos || dot == 0 ? file_name : file_name.substr(0, dot);
  icu::UnicodeString name = icu::UnicodeString::fromUTF8(
      icu::StringPiece(stem.data(), static_cast<int32_t>(stem.size())));
  to_ascii_->transliterate(name);
  std::string ascii;
  name.toUTF8String(ascii);
  std::string id;
  for (const char raw : ascii) {
    const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  if (id.size() > kMaxIdLength) id.resize(kMaxIdLength);
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty()) {
    char tag[16];
    std::snprintf(tag, sizeof tag, "%08x", name_hash(file_name));
    id = std::string("doc-") + tag;
  } else if (id.size() < 3) {
    id = "doc-" + id;
  }
  return id;
}

}  // namespace jil::metadata
