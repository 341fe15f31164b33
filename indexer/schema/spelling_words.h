// The index contract, part 4: the spelling dictionary behind "did you mean". Xapian 1.4 has one
// dictionary per database, for all languages: it holds the folded word forms (the unprefixed
// terms) of titles, summaries and bodies that have at least kMinSpellingLetters letters, no
// digits and no Han characters (Han text is searched by characters, and Traditional forms are
// already folded to Simplified), each counted once per document. The indexer keeps it in step
// with the documents; searchd's spelling suggester reads it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace jil::schema {

inline constexpr size_t kMinSpellingLetters = 3;

// True for a term that belongs in the spelling dictionary (see above).
bool is_spelling_word(std::string_view term);

// How many documents `word` is counted for in the spelling dictionary (0: not in it).
Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word);

// Puts the words of a new document (one whose id is not in the index) in the dictionary.
void add_spelling_words(Xapian::WritableDatabase& database, const Xapian::Document& added);

// Takes the words of the document indexed under `id_term` (if any) out of the dictionary and
// puts those of `added` (if not null) in, inside the writer's current transaction.
void replace_spelling_words(Xapian::WritableDatabase& database, const std::string& id_term,
                            const Xapian::Document* added);

}  // namespace jil::schema
