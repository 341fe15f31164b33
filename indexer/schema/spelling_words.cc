// Implementation of spelling_words.h.
#include "schema/spelling_words.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <optional>

namespace jil::schema {
namespace {

// The ASCII case of is_spelling_word without ICU: lower-case letters only (folded terms have no
// upper case, and a leading capital is a prefix).
std::optional<bool> ascii_spelling_word(std::string_view term) {
  for (const char c : term) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;  // needs ICU
    if (c < 'a' || c > 'z') return false;
  }
  return term.size() >= kMinSpellingLetters;
}

}  // namespace

bool is_spelling_word(std::string_view term) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;  // prefixed term
  if (const std::optional<bool> ascii = ascii_spelling_word(term)) return *ascii;
  size_t letters = 0;
  int32_t offset = 0;
  const auto length = static_cast<int32_t>(term.size());
  while (offset < length) {
    UChar32 c = 0;
    U8_NEXT(term.data(), offset, length, c);
    if (c < 0 || !u_isalpha(c)) return false;
    UErrorCode error = U_ZERO_ERROR;
    if (uscript_getScript(c, &error) == USCRIPT_HAN) return false;
    ++letters;
  }
  return letters >= kMinSpellingLetters;
}

std::vector<std::string> spelling_words_of(const Xapian::Document& document) {
  std::vector<std::string> words;
  Xapian::TermIterator term = document.termlist_begin();
  // Terms are in byte order: every term before "a" is prefixed (A-Z) or starts with a digit or
  // punctuation, none of them a dictionary word.
  term.skip_to("a");
  for (; term != document.termlist_end(); ++term) {
    if (is_spelling_word(*term)) words.push_back(*term);
  }
  return words;
}

Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word) {
  Xapian::TermIterator entry = database.spellings_begin();
  entry.skip_to(word);
  return entry != database.spellings_end() && *entry == word ? entry.get_termfreq() : 0;
}

void SpellingChanges::add(const std::vector<std::string>& words) {
  for (const std::string& word : words) ++deltas_[word];
}

void SpellingChanges::remove(const Xapian::Document& leaving) {
  for (const std::string& word : spelling_words_of(leaving)) --deltas_[word];
}

void SpellingChanges::merge(SpellingChanges&& other) {
  if (deltas_.empty()) {
    deltas_ = std::move(other.deltas_);
  } else {
    for (const auto& [word, delta] : other.deltas_) deltas_[word] += delta;
  }
  other.deltas_.clear();
}

std::vector<SpellingChanges> SpellingChanges::split(size_t parts) {
  std::vector<SpellingChanges> split(std::max<size_t>(parts, 1));
  for (auto& [word, delta] : deltas_) {
    split[std::hash<std::string>{}(word) % split.size()].deltas_.emplace(word, delta);
  }
  deltas_.clear();
  return split;
}

void SpellingChanges::apply(Xapian::WritableDatabase& database) {
  for (const auto& [word, delta] : deltas_) {
    if (delta > 0) database.add_spelling(word, static_cast<Xapian::termcount>(delta));
    if (delta < 0) database.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
  }
  deltas_.clear();
}

void add_spelling_words(Xapian::WritableDatabase& database, const Xapian::Document& added) {
  SpellingChanges changes;
  changes.add(spelling_words_of(added));
  changes.apply(database);
}

void replace_spelling_words(Xapian::WritableDatabase& database, const std::string& id_term,
                            const Xapian::Document* added) {
  SpellingChanges changes;
  Xapian::PostingIterator old = database.postlist_begin(id_term);
  if (old != database.postlist_end(id_term)) changes.remove(database.get_document(*old));
  if (added) changes.add(spelling_words_of(*added));
  changes.apply(database);
}

}  // namespace jil::schema
