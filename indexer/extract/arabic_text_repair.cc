// Implementation of arabic_text_repair.h: one pass over code points with ICU's NFKC data for
// presentation forms, then one pass for the lam-alef order.
#include "extract/arabic_text_repair.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <utility>
#include <vector>

namespace jil::extract {
namespace {

constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kLam = 0x0644;

bool is_presentation_form(UChar32 c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF && c != 0xFEFF);
}

// Alef, and alef with hamza above, hamza below or madda.
bool is_any_alef(UChar32 c) { return c == kAlef || c == 0x0623 || c == 0x0625 || c == 0x0622; }

void append_code_point(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<size_t>(length));
}

}  // namespace

std::string repaired_arabic(std::string_view text, ArabicRepairs& repairs) {
  // Arabic letters start with bytes D8–DB in UTF-8, presentation forms with EF: a text without
  // them has nothing to repair (the common case, kept to one scan).
  if (text.find_first_of("\xD8\xD9\xDA\xDB\xEF") == std::string_view::npos) {
    return std::string(text);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::vector<UChar32> points;
  points.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) c = 0xFFFD;
    icu::UnicodeString decomposition;
    if (is_presentation_form(c) && U_SUCCESS(status) && nfkc->getDecomposition(c, decomposition)) {
      ++repairs.presentation_forms;
      for (int32_t index = 0; index < decomposition.length();) {
        const UChar32 part = decomposition.char32At(index);
        if (part != 0x0020) points.push_back(part);  // isolated harakat forms map to " َ"
        index += U16_LENGTH(part);
      }
      continue;
    }
    points.push_back(c);
  }
  for (size_t index = 0; index + 2 < points.size(); ++index) {
    // Two alefs in a row, then lam: the second alef and the lam are a swapped ligature.
    if (!is_any_alef(points[index]) || !is_any_alef(points[index + 1]) ||
        points[index + 2] != kLam) {
      continue;
    }
    std::swap(points[index + 1], points[index + 2]);
    ++repairs.lam_alef_pairs;
  }
  for (size_t index = 0; index + 1 < points.size(); ++index) {
    // The word "لا" (no, not) alone comes out as "ال", which is never a word by itself.
    if (points[index] != kAlef || points[index + 1] != kLam) continue;
    const bool starts_word = index == 0 || !u_isalpha(points[index - 1]);
    const bool ends_word = index + 2 == points.size() || !u_isalpha(points[index + 2]);
    if (starts_word && ends_word) {
      std::swap(points[index], points[index + 1]);
      ++repairs.lam_alef_pairs;
    }
  }
  std::string out;
  out.reserve(text.size());
  for (UChar32 c : points) append_code_point(out, c);
  return out;
}

}  // namespace jil::extract
