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
  // The changed words in byte order, so that one pass of the dictionary's word list reads
  // their current frequencies (the list merges the writer's pending dictionary changes first).
  std::vector<std::string> words;
  words.reserve(deltas_.size());
  for (const auto& [word, delta] : deltas_) {
    if (delta != 0) words.push_back(word);
  }
  deltas_.clear();
  std::sort(words.begin(), words.end());
  Xapian::TermIterator entry = database.spellings_begin();
  for (const std::string& word : words) {
    Xapian::doccount current = 0;
    if (entry != database.spellings_end()) {
      entry.skip_to(word);
      if (entry != database.spellings_end() && *entry == word) current = entry.get_termfreq();
    }
    // Every document's spelling words are its unprefixed terms that pass is_spelling_word, so
    // the term frequency of the word is the number of documents it comes from.
    const Xapian::doccount documents = database.get_termfreq(word);
    const Xapian::doccount wanted = documents >= kMinSpellingDocuments ? documents : 0;
    if (wanted > current) database.add_spelling(word, wanted - current);
    if (wanted < current) database.remove_spelling(word, current - wanted);
  }
}

void SpellingChanges::write_counts(Xapian::WritableDatabase& dictionary) {
  for (const auto& [word, count] : deltas_) {
    if (count >= static_cast<int64_t>(kMinSpellingDocuments)) {
      dictionary.add_spelling(word, static_cast<Xapian::termcount>(count));
    }
  }
  deltas_.clear();
}

Xapian::docid add_with_spelling_words(Xapian::WritableDatabase& database,
                                      const Xapian::Document& added) {
  SpellingChanges changes;
  changes.add(spelling_words_of(added));
  const Xapian::docid docid = database.add_document(added);
  changes.apply(database);
  return docid;
}

void replace_with_spelling_words(Xapian::WritableDatabase& database, const std::string& id_term,
                                 const Xapian::Document* added) {
  SpellingChanges changes;
  Xapian::PostingIterator old = database.postlist_begin(id_term);
  if (old != database.postlist_end(id_term)) changes.remove(database.get_document(*old));
  if (added) {
    changes.add(spelling_words_of(*added));
    database.replace_document(id_term, *added);
  } else {
    database.delete_document(id_term);
  }
  changes.apply(database);
}

}  // namespace jil::schema
