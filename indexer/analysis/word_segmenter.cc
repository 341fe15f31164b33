// ICU word segmentation with a running UTF-16 → UTF-8 offset map (words come in order, so the
// map costs one pass over the text).
#include "analysis/word_segmenter.h"

#include <unicode/locid.h>
#include <unicode/utf16.h>

namespace jil::analysis {
namespace {

// UTF-8 bytes of text[from, to), unit by unit: the same count as code point by code point
// (char32At and moveIndex32, which cost a call each), a lone surrogate counting 3 bytes.
uint32_t utf8_length(const icu::UnicodeString& text, int32_t from, int32_t to) {
  const char16_t* units = text.getBuffer();
  const int32_t length = text.length();
  uint32_t bytes = 0;
  for (int32_t index = from; index < to; ++index) {
    const char16_t unit = units[index];
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (U16_IS_LEAD(unit) && index + 1 < length && U16_IS_TRAIL(units[index + 1])) {
      bytes += 4;
      ++index;  // the pair is one code point, even when it ends past `to`
    } else if (U16_IS_TRAIL(unit) && index > 0 && U16_IS_LEAD(units[index - 1])) {
      bytes += 4;  // the second half of a pair that began before `from`: the whole code point
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

}  // namespace

Result<icu::BreakIterator*> WordSpanSegmenter::iterator_for(Language language) {
  auto found = iterators_.find(language);
  if (found != iterators_.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createWordInstance(icu::Locale(icu_locale(language)), status));
  if (U_FAILURE(status) || !iterator) {
    return Status(StatusCode::kInternal,
                  std::string("ICU word break iterator: ") + u_errorName(status));
  }
  return iterators_.emplace(language, std::move(iterator)).first->second.get();
}

std::vector<WordSpan> WordSpanSegmenter::segment(const icu::UnicodeString& text,
                                                 Language language) {
  std::vector<WordSpan> words;
  auto iterator = iterator_for(language);
  JIL_CHECK(iterator.is_ok());  // ICU data is part of the installation; absence is a bug.
  icu::BreakIterator& breaks = **iterator;
  breaks.setText(text);
  int32_t start = breaks.first();
  int32_t mapped_utf16 = 0;
  uint32_t mapped_utf8 = 0;
  for (int32_t end = breaks.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaks.next()) {
    const int32_t rule_status = breaks.getRuleStatus();
    if (rule_status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    WordSpan span;
    span.utf16_begin = start;
    span.utf16_end = end;
    mapped_utf8 += utf8_length(text, mapped_utf16, start);
    span.utf8_begin = mapped_utf8;
    mapped_utf8 += utf8_length(text, start, end);
    span.utf8_end = mapped_utf8;
    mapped_utf16 = end;
    span.ideographic = rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_IDEO_LIMIT;
    words.push_back(span);
  }
  return words;
}

}  // namespace jil::analysis
