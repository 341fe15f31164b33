// Splits text into words with ICU's word BreakIterator for the text's locale (dictionary-based
// for Chinese), reporting each word's UTF-16 and UTF-8 offsets. One per Analyzer; not thread-safe.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <vector>

#include "analysis/language.h"
#include "base/status.h"

namespace jil::analysis {

struct WordSpan {
  int32_t utf16_begin = 0;  // in the UnicodeString passed to segment()
  int32_t utf16_end = 0;
  uint32_t utf8_begin = 0;  // in the original UTF-8 text
  uint32_t utf8_end = 0;
  bool ideographic = false;  // ICU rule status "ideographic" (Han, kana)
};

class WordSpanSegmenter {
 public:
  // Words of `text` (already converted from `utf8_text`), skipping spaces and punctuation.
  std::vector<WordSpan> segment(const icu::UnicodeString& text, Language language);
  // The same, except that each run of Han characters (with the marks, selectors and joiners
  // between and after them, as ICU's rules keep them) is one
  // ideographic span, found without ICU's dictionary. For callers that need Han characters but
  // not Han words: the dictionary segmentation is most of the cost of analyzing Chinese text.
  std::vector<WordSpan> segment_han_as_runs(const icu::UnicodeString& text, Language language);

 private:
  Result<icu::BreakIterator*> iterator_for(Language language);
  // ICU's word spans of `breaks_text` (UTF-16 offsets only).
  std::vector<WordSpan> icu_spans(const icu::UnicodeString& breaks_text, Language language);

  std::map<Language, std::unique_ptr<icu::BreakIterator>> iterators_;
};

}  // namespace jil::analysis
