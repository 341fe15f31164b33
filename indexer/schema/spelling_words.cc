// Implementation of spelling_words.h.
#include "schema/spelling_words.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace jil::schema {
namespace {

void for_each_spelling_word(const Xapian::Document& document,
                            void (Xapian::WritableDatabase::*change)(const std::string&,
                                                                     Xapian::termcount) const,
                            Xapian::WritableDatabase& database) {
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (is_spelling_word(*term)) (database.*change)(*term, 1);
  }
}

}  // namespace

bool is_spelling_word(std::string_view term) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;  // prefixed term
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

Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word) {
  Xapian::TermIterator entry = database.spellings_begin();
  entry.skip_to(word);
  return entry != database.spellings_end() && *entry == word ? entry.get_termfreq() : 0;
}

void add_spelling_words(Xapian::WritableDatabase& database, const Xapian::Document& added) {
  for_each_spelling_word(added, &Xapian::WritableDatabase::add_spelling, database);
}

void replace_spelling_words(Xapian::WritableDatabase& database, const std::string& id_term,
                            const Xapian::Document* added) {
  Xapian::PostingIterator old = database.postlist_begin(id_term);
  if (old != database.postlist_end(id_term)) {
    for_each_spelling_word(database.get_document(*old), &Xapian::WritableDatabase::remove_spelling,
                           database);
  }
  if (added) for_each_spelling_word(*added, &Xapian::WritableDatabase::add_spelling, database);
}

}  // namespace jil::schema
