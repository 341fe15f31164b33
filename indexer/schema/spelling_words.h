// The index contract, part 4: the spelling dictionary behind "did you mean". Xapian 1.4 has one
// dictionary per database, for all languages: it holds the folded word forms (the unprefixed
// terms) of titles, summaries and bodies that have at least kMinSpellingLetters letters, no
// digits and no Han characters (Han text is searched by characters, and Traditional forms are
// already folded to Simplified) and that occur in at least kMinSpellingDocuments documents, each
// with its document count as frequency. The indexer keeps it in step with the documents;
// searchd's spelling suggester reads it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jil::schema {

inline constexpr size_t kMinSpellingLetters = 3;
// A word of one document only is more often a typo, a name or an extraction artefact than a
// useful "did you mean", and would lead to one document at best; such words were most of the
// dictionary's words, its size and its share of the indexing CPU.
inline constexpr Xapian::doccount kMinSpellingDocuments = 2;

// True for a term that belongs in the spelling dictionary (see above).
bool is_spelling_word(std::string_view term);

// The dictionary words of a document, each once, in term order.
std::vector<std::string> spelling_words_of(const Xapian::Document& document);

// How many documents `word` is counted for in the spelling dictionary (0: not in it).
Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word);

// Changes to the dictionary gathered over a batch of documents and written with one call per
// distinct word (Xapian's add_spelling per word per document cost a sixth of the indexer's CPU).
class SpellingChanges {
 public:
  // Counts `words` (a document's spelling_words_of) once more.
  void add(const std::vector<std::string>& words);
  // Counts the words of a document leaving the index once less.
  void remove(const Xapian::Document& leaving);
  // Brings the dictionary of `database` in step for every word these changes touch and forgets
  // them. Call it with the documents already written (inside the writer's transaction, before
  // its commit: a writer sees its own pending documents): a word then has its document count
  // (the term frequency of its unprefixed term) as frequency when that is at least
  // kMinSpellingDocuments, and is out of the dictionary otherwise.
  void apply(Xapian::WritableDatabase& database);
  // Writes the changes, taken as the whole counts of a new index, as a dictionary of their own
  // into `dictionary` (a database without documents that compaction merges into the index: a
  // parallel build's), keeping the words counted at least kMinSpellingDocuments times; forgets
  // them.
  void write_counts(Xapian::WritableDatabase& dictionary);
  // Adds `other`'s changes to these (and empties it).
  void merge(SpellingChanges&& other);
  // Deals the changes out into `parts` sets of disjoint words (for writers working at once:
  // Xapian's compaction merges their dictionaries), and empties these.
  std::vector<SpellingChanges> split(size_t parts);
  // Forgets the changes (the transaction they belong to was dropped).
  void clear() { deltas_.clear(); }
  bool empty() const { return deltas_.empty(); }
  // Distinct words changed.
  size_t size() const { return deltas_.size(); }

 private:
  std::unordered_map<std::string, int64_t> deltas_;  // word → documents gained (or lost)
};

// Adds a new document (one whose id is not in the index) and brings the dictionary in step.
Xapian::docid add_with_spelling_words(Xapian::WritableDatabase& database,
                                      const Xapian::Document& added);

// Replaces the document indexed under `id_term` by `added` (deletes it when `added` is null)
// and brings the dictionary in step, inside the writer's current transaction.
void replace_with_spelling_words(Xapian::WritableDatabase& database, const std::string& id_term,
                                 const Xapian::Document* added);

}  // namespace jil::schema
