// Turns the bytes of a text file of unknown encoding into UTF-8: a byte order mark decides
// first (UTF-8, UTF-16, UTF-32), then valid UTF-8 is taken as UTF-8, then UTF-16 without a mark
// is recognised by its zero bytes, then ICU's charset detector chooses among the legacy
// encodings (windows-1251, KOI8-R, windows-1256, GB18030, Big5, ISO-8859-1, ...).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::extract {

// Bytes the detector looks at (from the start of the file): enough for ICU's n-gram statistics,
// and detection stays linear in the file size (T-P6).
inline constexpr size_t kCharsetDetectionBytes = 64 * 1024;

struct DecodedText {
  std::string utf8;     // valid UTF-8, without the byte order mark
  std::string charset;  // "UTF-8", "UTF-16LE", "windows-1251", "KOI8-R", "GB18030", "Big5", ...
  int confidence = 0;   // 100 for a byte order mark or valid UTF-8, else ICU's 0–100
};

// Never fails on content (undecodable bytes become U+FFFD); kUnsupported "text encoding could
// not be detected" only if ICU offers no charset it can convert.
Result<DecodedText> decode_text(std::string_view bytes);

// The charset an HTML page declares in its first kHtmlCharsetBytes (<meta charset="koi8-r">, or
// content="text/html; charset=windows-1251"), lower case; "" when none.
inline constexpr size_t kHtmlCharsetBytes = 1024;
std::string declared_html_charset(std::string_view html);

// Converts from a named charset (an HTML <meta charset>); kUnsupported for an unknown name.
Result<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset);

}  // namespace jil::extract
