// ICU word segmentation with a running UTF-16 → UTF-8 offset map (words come in order, so the
// map costs one pass over the text).
#include "analysis/word_segmenter.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "analysis/chinese_folding.h"

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

// Fills in the UTF-8 offsets of `spans` (in order, UTF-16 offsets into `text`) in one pass.
void map_to_utf8(const icu::UnicodeString& text, std::vector<WordSpan>& spans) {
  int32_t mapped_utf16 = 0;
  uint32_t mapped_utf8 = 0;
  for (WordSpan& span : spans) {
    mapped_utf8 += utf8_length(text, mapped_utf16, span.utf16_begin);
    span.utf8_begin = mapped_utf8;
    mapped_utf8 += utf8_length(text, span.utf16_begin, span.utf16_end);
    span.utf8_end = mapped_utf8;
    mapped_utf16 = span.utf16_end;
  }
}

// Characters that ICU's rules may join with Han characters or with what is beside a Han run:
// kana (in the dictionary runs with Han), the Han-script iteration marks (々, 〻: ALetter), the
// zero-width joiner (which joins a following pictograph). A text with any of them is segmented
// the usual way, so that runs found by hand never differ from ICU's.
bool joins_across_han_runs(UChar32 c) {
  if (c < 0x2E80 && c != 0x200D) return false;  // below CJK (and not the joiner): none of them
  const int32_t word_break = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  if (word_break == U_WB_ZWJ || word_break == U_WB_KATAKANA) return true;
  if (is_han(c)) return word_break != U_WB_OTHER;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

// What ICU's word rules skip over inside a word (rule WB4): Extend, Format and ZWJ characters.
bool ignored_inside_words(UChar32 c) {
  const int32_t word_break = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  return word_break == U_WB_EXTEND || word_break == U_WB_FORMAT || word_break == U_WB_ZWJ;
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

std::vector<WordSpan> WordSpanSegmenter::icu_spans(const icu::UnicodeString& breaks_text,
                                                   Language language) {
  std::vector<WordSpan> words;
  auto iterator = iterator_for(language);
  JIL_CHECK(iterator.is_ok());  // ICU data is part of the installation; absence is a bug.
  icu::BreakIterator& breaks = **iterator;
  breaks.setText(breaks_text);
  int32_t start = breaks.first();
  for (int32_t end = breaks.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaks.next()) {
    const int32_t rule_status = breaks.getRuleStatus();
    if (rule_status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    WordSpan span;
    span.utf16_begin = start;
    span.utf16_end = end;
    span.ideographic = rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_IDEO_LIMIT;
    words.push_back(span);
  }
  return words;
}

std::vector<WordSpan> WordSpanSegmenter::segment(const icu::UnicodeString& text,
                                                 Language language) {
  std::vector<WordSpan> words = icu_spans(text, language);
  map_to_utf8(text, words);
  return words;
}

std::vector<WordSpan> WordSpanSegmenter::segment_han_as_runs(const icu::UnicodeString& text,
                                                             Language language) {
  // Han runs (with the characters ICU skips inside words) are found here and masked with
  // ideographic spaces (U+3000, a space to ICU: no word, a break on both sides) unit for unit, so
  // ICU segments the rest exactly as before, with the same UTF-16 offsets and no dictionary work.
  const int32_t length = text.length();
  const char16_t* units = text.getBuffer();
  std::u16string masked;
  std::vector<WordSpan> runs;
  for (int32_t index = 0; index < length;) {
    UChar32 c;
    int32_t next = index;
    U16_NEXT(units, next, length, c);
    if (joins_across_han_runs(c)) return segment(text, language);
    if (!is_han(c)) {
      index = next;
      continue;
    }
    WordSpan run;
    run.utf16_begin = index;
    run.ideographic = true;
    for (index = next; index < length; index = next) {
      next = index;
      U16_NEXT(units, next, length, c);
      if (joins_across_han_runs(c)) return segment(text, language);
      if (!is_han(c) && !ignored_inside_words(c)) break;
    }
    run.utf16_end = index;
    if (masked.empty()) masked.assign(units, static_cast<size_t>(length));
    std::fill(masked.begin() + run.utf16_begin, masked.begin() + run.utf16_end, u'\u3000');
    runs.push_back(run);
  }
  if (runs.empty()) return segment(text, language);
  const icu::UnicodeString masked_text(false, masked.data(), length);  // read-only alias
  std::vector<WordSpan> others = icu_spans(masked_text, language);
  std::vector<WordSpan> words;
  words.reserve(others.size() + runs.size());
  std::merge(others.begin(), others.end(), runs.begin(), runs.end(), std::back_inserter(words),
             [](const WordSpan& left, const WordSpan& right) {
               return left.utf16_begin < right.utf16_begin;
             });
  map_to_utf8(text, words);
  return words;
}

}  // namespace jil::analysis
