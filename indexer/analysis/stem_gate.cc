// Implementation of stem_gate.h.
#include "analysis/stem_gate.h"

#include <unicode/utf8.h>

namespace jil::analysis {

UChar32 first_code_point(std::string_view utf8) {
  if (utf8.empty()) return -1;
  int32_t offset = 0;
  UChar32 first = 0;
  U8_NEXT(utf8.data(), offset, static_cast<int32_t>(utf8.size()), first);
  return first;
}

namespace {

bool is_ascii_letter(char16_t unit) {
  return (unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z');
}
bool is_ascii_digit(char16_t unit) { return unit >= u'0' && unit <= u'9'; }
// А-Я, а-я, Ё, ё.
bool is_basic_russian(char16_t unit) {
  return (unit >= 0x0410 && unit <= 0x044F) || unit == 0x0401 || unit == 0x0451;
}

UChar32 folded_letter(char16_t unit) {
  if (unit >= u'A' && unit <= u'Z') return unit + (u'a' - u'A');
  if (unit >= 0x0410 && unit <= 0x042F) return unit + 0x20;  // А-Я → а-я
  if (unit == 0x0401 || unit == 0x0451) return 0x0435;       // Ё, ё → е
  return unit;
}

// The letters of Latin-1 and Latin Extended-A (À to ſ, not × or ÷): each folds to at most two
// letters (ß → ss, ŉ → ʼn), so a word of them stays within twice its length.
bool is_accented_latin(char16_t unit) {
  return unit >= 0x00C0 && unit <= 0x017F && unit != 0x00D7 && unit != 0x00F7;
}

}  // namespace

UChar32 skimmable_first_letter(std::u16string_view word, size_t max_bytes) {
  if (word.empty() || !(is_ascii_letter(word[0]) || is_basic_russian(word[0]))) return -1;
  size_t bytes = 0;  // at most, once folded
  for (const char16_t unit : word) {
    if (is_ascii_letter(unit) || is_ascii_digit(unit)) {
      bytes += 1;
    } else if (is_basic_russian(unit)) {
      bytes += 2;
    } else if (is_accented_latin(unit) && is_ascii_letter(word[0])) {
      bytes += 4;
    } else {
      return -1;
    }
  }
  return bytes <= max_bytes ? folded_letter(word[0]) : -1;
}

StemGate StemGate::for_matches(const std::set<std::string>& forms,
                               const std::set<std::string>& stems) {
  StemGate gate = for_stems(stems);
  gate.skims_ = true;
  gate.match_letters_ = gate.first_letters_;
  for (const std::string& form : forms) {
    const UChar32 first = first_code_point(form);
    if (first >= 0) gate.match_letters_.insert(first);
  }
  return gate;
}

StemGate StemGate::for_stems(const std::set<std::string>& stems) {
  std::set<UChar32> first_letters;
  for (const std::string& stem : stems) {
    const UChar32 first = first_code_point(stem);
    if (first >= 0) first_letters.insert(first);
  }
  return StemGate(false, std::move(first_letters));
}

}  // namespace jil::analysis
