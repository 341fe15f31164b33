// Finds where in a result's body the query's words are, from Xapian's positions of the matched
// terms and the document's stored snippet blocks (schema/snippet_blocks.h), so that only that
// passage of the text is analyzed for the snippet, never the whole document.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "schema/snippet_blocks.h"
#include "search/stem_siblings.h"

namespace jil::search {

// A byte range of a text.
struct Passage {
  size_t begin = 0;
  size_t end = 0;
  // The passage's first words that repeat the title (most texts open with it; the result shows
  // the title above its snippet): their matches do not choose the snippet's window.
  size_t title_echo_words = 0;
};

// A body word matching a query word is taken for the title's echo when the word is in the title
// at a word t and in the body at a word w with t <= w <= t + kMaxTitleEchoShift (a heading such
// as the publisher's name may come first) and w < kMaxTitleEchoWords.
inline constexpr uint32_t kMaxTitleEchoShift = 32;
inline constexpr uint32_t kMaxTitleEchoWords = 96;

class PassageFinder {
 public:
  // `match_forms` are the query's folded forms (unprefixed terms with positions); `match_stems`
  // their stems, matched through the index's forms that start with them and have that stem
  // (found once per query and document language).
  PassageFinder(const Xapian::Database& database, analysis::Analyzer& analyzer,
                const std::set<std::string>& match_forms, const std::set<std::string>& match_stems)
      : database_(database),
        match_forms_(match_forms),
        match_stems_(match_stems),
        siblings_(database, analyzer) {}

  // The passage of a text of `text_size` bytes around the window of `window` words that holds
  // the most distinct query words (the earliest of equals), from a quarter window before it to
  // a window after it, in whole blocks; nullopt when no query word has a position in the body.
  // Matches that echo the title count only when the body has no other.
  std::optional<Passage> find(Xapian::docid docid, const schema::SnippetBlocks& blocks,
                              size_t text_size, analysis::Language language, size_t window);

  // The opening of a text, for a result whose body holds no query word.
  static Passage opening(const schema::SnippetBlocks& blocks, size_t text_size, size_t window);

 private:
  // (form, stem) for the index's forms of the query's stems in `language`.
  const std::vector<std::pair<std::string, std::string>>& stem_forms(analysis::Language language);

  const Xapian::Database& database_;
  const std::set<std::string>& match_forms_;
  const std::set<std::string>& match_stems_;
  StemSiblings siblings_;
  std::map<analysis::Language, std::vector<std::pair<std::string, std::string>>> stem_forms_;
};

}  // namespace jil::search
