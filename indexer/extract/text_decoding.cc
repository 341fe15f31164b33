// Implementation of text_decoding.h over ICU's ucsdet (detection) and converters.
#include "extract/text_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>

#include "base/utf8.h"

namespace jil::extract {
namespace {

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;
};

// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr ByteOrderMark kByteOrderMarks[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
};

// UTF-16 without a mark: text with Latin letters, digits, spaces or line ends has a zero byte
// in every other position and almost none in the others. Returns "" when it does not look so.
const char* utf16_by_zero_bytes(std::string_view sample) {
  if (sample.size() < 16 || sample.size() % 2 != 0) return "";
  size_t zero_even = 0;
  size_t zero_odd = 0;
  for (size_t index = 0; index < sample.size(); ++index) {
    if (sample[index] == '\0') ++(index % 2 == 0 ? zero_even : zero_odd);
  }
  const size_t units = sample.size() / 2;
  if (zero_odd * 10 > units * 3 && zero_even * 50 < units) return "UTF-16LE";
  if (zero_even * 10 > units * 3 && zero_odd * 50 < units) return "UTF-16BE";
  return "";
}

Status icu_failure(const char* what, UErrorCode status) {
  return Status(StatusCode::kInternal, std::string(what) + ": " + u_errorName(status));
}

}  // namespace

Result<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset.c_str(), &status),
                                                               ucnv_close);
  if (U_FAILURE(status) || !converter) {
    return Status(StatusCode::kUnsupported, "unknown text encoding '" + charset + "'");
  }
  if (bytes.size() > INT32_MAX - 16) return limit_exceeded("text is too large to convert");
  // Undecodable bytes become U+FFFD (ICU's default substitution), counted later as damage.
  // One UTF-16 unit per byte is enough for every charset ICU detects; should it not be, the
  // converter says how many it needs and runs again.
  icu::UnicodeString text;
  int32_t capacity = static_cast<int32_t>(bytes.size()) + 16;
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    ucnv_reset(converter.get());
    UChar* buffer = text.getBuffer(capacity);
    const int32_t length = ucnv_toUChars(converter.get(), buffer, capacity, bytes.data(),
                                         static_cast<int32_t>(bytes.size()), &status);
    text.releaseBuffer(U_SUCCESS(status) ? length : 0);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    capacity = length + 1;
  }
  if (U_FAILURE(status)) return icu_failure("text conversion", status);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8::repaired(utf8);
}

std::string declared_html_charset(std::string_view html) {
  std::string head(html.substr(0, kHtmlCharsetBytes));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t begin = at + 8;
  while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'' || head[begin] == ' ')) {
    ++begin;
  }
  size_t end = begin;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
          head[end] == '_' || head[end] == '.' || head[end] == ':')) {
    ++end;
  }
  return head.substr(begin, end - begin);
}

Result<DecodedText> decode_text(std::string_view bytes) {
  for (const ByteOrderMark& mark : kByteOrderMarks) {
    if (!bytes.starts_with(mark.bytes)) continue;
    const std::string_view rest = bytes.substr(mark.bytes.size());
    if (std::string_view(mark.charset) == "UTF-8") {
      return DecodedText{utf8::repaired(rest), mark.charset, 100};
    }
    Result<std::string> converted = convert_to_utf8(rest, mark.charset);
    if (!converted.is_ok()) return converted.status();
    return DecodedText{std::move(*converted), mark.charset, 100};
  }
  if (utf8::is_valid(bytes)) return DecodedText{std::string(bytes), "UTF-8", 100};

  const std::string_view sample = bytes.substr(0, kCharsetDetectionBytes & ~size_t{1});
  if (const char* utf16 = utf16_by_zero_bytes(sample); *utf16) {
    Result<std::string> converted = convert_to_utf8(bytes, utf16);
    if (!converted.is_ok()) return converted.status();
    return DecodedText{std::move(*converted), utf16, 100};
  }

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      ucsdet_close);
  if (U_FAILURE(status)) return icu_failure("charset detector", status);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status)) return icu_failure("charset detection", status);
  // Best first; a name ICU detects but cannot convert (none in practice) is skipped.
  for (int32_t index = 0; index < found; ++index) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[index], &match_status);
    const int32_t confidence = ucsdet_getConfidence(matches[index], &match_status);
    if (U_FAILURE(match_status) || !name) continue;
    Result<std::string> converted = convert_to_utf8(bytes, name);
    if (!converted.is_ok()) continue;
    return DecodedText{std::move(*converted), name, confidence};
  }
  return Status(StatusCode::kUnsupported, "text encoding could not be detected");
}

}  // namespace jil::extract
