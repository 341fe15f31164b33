// Implementation of content_disposition.h.
#include "api/content_disposition.h"

#include "api/header_text.h"
#include "base/url_encoding.h"

namespace jil::api {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::string ascii_name(std::string_view name) {
  std::string ascii;
  for (const char c : name) {
    if (is_ascii_alnum(c) || c == '.' || c == '-' || c == '_') {
      ascii += c;
    } else if (ascii.empty() || ascii.back() != '_') {
      ascii += '_';
    }
  }
  return ascii;
}

}  // namespace

std::string content_disposition(DispositionType type, std::string_view name,
                                std::string_view fallback_stem) {
  // The last path part only: a stored name never has one, but nothing here may name a folder.
  if (const size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name = name.substr(slash + 1);
  }
  std::string ascii = ascii_name(name);
  const size_t dot = ascii.rfind('.');
  const std::string stem = ascii.substr(0, dot);
  bool readable = false;
  for (const char c : stem) readable = readable || is_ascii_alnum(c);
  if (!readable) {
    ascii = std::string(fallback_stem) + (dot == std::string::npos ? "" : ascii.substr(dot));
  }
  if (ascii.empty() || ascii.front() == '.') ascii.insert(0, fallback_stem);  // never a hidden file
  const std::string utf8 = name.empty() ? std::string(fallback_stem) : std::string(name);
  const char* type_name = type == DispositionType::kInline ? "inline" : "attachment";
  return std::string(type_name) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
         url_encode(utf8);
}

std::string attachment_disposition(std::string_view name, std::string_view fallback_stem) {
  return content_disposition(DispositionType::kAttachment, name, fallback_stem);
}

DispositionType original_disposition_type(std::string_view media_type) {
  const std::string_view essence = without_ows(media_type.substr(0, media_type.find(';')));
  return equals_ignoring_case(essence, "application/pdf") ? DispositionType::kInline
                                                          : DispositionType::kAttachment;
}

}  // namespace jil::api
