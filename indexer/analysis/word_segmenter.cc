// ICU word segmentation with a running UTF-16 → UTF-8 offset map (words come in order, so the
// map costs one pass over the text).
#include "analysis/word_segmenter.h"

#include <unicode/locid.h>
#include <unicode/utf16.h>

namespace jil::analysis {
namespace {

uint32_t utf8_length(const icu::UnicodeString& text, int32_t from, int32_t to) {
  uint32_t bytes = 0;
  for (int32_t index = from; index < to;) {
    const UChar32 c = text.char32At(index);
    bytes += static_cast<uint32_t>(U8_LENGTH(c));
    index = text.moveIndex32(index, 1);
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
