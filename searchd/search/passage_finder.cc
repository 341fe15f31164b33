// Positions of the query's forms (and of the document's forms sharing a query stem) in the body,
// sorted; a sliding window over them counts distinct query words; the stored block offsets turn
// word numbers into byte offsets.
#include "search/passage_finder.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "schema/document_builder.h"

namespace jil::search {
namespace {

using schema::kSnippetBlockWords;

// The end of block `block` in a text: the start of the next, else the end of the text.
size_t block_end(const schema::SnippetBlocks& blocks, size_t block, size_t text_size) {
  return block + 1 < blocks.starts.size() ? blocks.starts[block + 1] : text_size;
}

// The block holding body word `word` (the last block for a word past the scanned text).
size_t block_of(const schema::SnippetBlocks& blocks, size_t word) {
  return std::min<size_t>(word / kSnippetBlockWords, blocks.starts.size() - 1);
}

Passage passage_of_words(const schema::SnippetBlocks& blocks, size_t text_size, size_t first_word,
                         size_t last_word) {
  return {blocks.starts[block_of(blocks, first_word)],
          block_end(blocks, block_of(blocks, last_word), text_size)};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& PassageFinder::stem_forms(
    analysis::Language language) {
  if (const auto known = stem_forms_.find(language); known != stem_forms_.end()) {
    return known->second;
  }
  // Other forms of a query stem: "judge" for a query "judges" (stem_siblings.h).
  std::vector<std::pair<std::string, std::string>> forms;
  for (const std::string& stem : match_stems_) {
    for (const std::string& form : siblings_.forms(stem, language)) {
      if (!match_forms_.count(form)) forms.emplace_back(form, stem);
    }
  }
  return stem_forms_.emplace(language, std::move(forms)).first->second;
}

Passage PassageFinder::opening(const schema::SnippetBlocks& blocks, size_t text_size,
                               size_t window) {
  if (blocks.starts.empty()) return {0, std::min(text_size, schema::kMaxSnippetScanBytes)};
  return passage_of_words(blocks, text_size, 0, window + kSnippetBlockWords);
}

std::optional<Passage> PassageFinder::find(Xapian::docid docid, const schema::SnippetBlocks& blocks,
                                           size_t text_size, analysis::Language language,
                                           size_t window) {
  if (blocks.starts.empty() || window == 0) return std::nullopt;
  const uint64_t body_words = uint64_t{blocks.starts.size()} * kSnippetBlockWords;
  std::vector<std::pair<uint32_t, std::string>> hits;    // (body word, query word it matches)
  std::vector<std::pair<uint32_t, std::string>> echoes;  // the same, of the title's echo
  std::vector<uint32_t> in_title;                        // one term's title words
  auto add_positions = [&](const std::string& term, const std::string& word) {
    in_title.clear();
    for (auto position = database_.positionlist_begin(docid, term);
         position != database_.positionlist_end(docid, term); ++position) {
      if (*position < blocks.body_position) {  // title (from 1), then the summary after a gap
        if (*position >= 1 && *position <= schema::kFieldPositionGap) {
          in_title.push_back(*position - 1);
        }
        continue;
      }
      const uint32_t body_word = *position - blocks.body_position;
      if (body_word >= body_words) break;  // past the scanned part of the text
      const bool echo =
          body_word < kMaxTitleEchoWords &&
          std::any_of(in_title.begin(), in_title.end(), [body_word](uint32_t title_word) {
            return title_word <= body_word && body_word <= title_word + kMaxTitleEchoShift;
          });
      (echo ? echoes : hits).emplace_back(body_word, word);
    }
  };
  for (const std::string& form : match_forms_) add_positions(form, form);
  for (const auto& [form, stem] : stem_forms(language)) add_positions(form, stem);
  uint32_t echo_end = 0;  // past the last echo left out
  if (hits.empty()) {
    hits = std::move(echoes);
  } else {
    for (const auto& echo : echoes) echo_end = std::max(echo_end, echo.first + 1);
  }
  if (hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end());
  // Sliding window [hits[first].first, hits[first].first + window): distinct query words in it.
  std::map<std::string, size_t> in_window;
  size_t best_score = 0;
  uint32_t best_word = hits.front().first;
  size_t last = 0;
  for (size_t first = 0; first < hits.size(); ++first) {
    while (last < hits.size() && hits[last].first < hits[first].first + window) {
      ++in_window[hits[last++].second];
    }
    if (in_window.size() > best_score) {
      best_score = in_window.size();
      best_word = hits[first].first;
    }
    if (--in_window[hits[first].second] == 0) in_window.erase(hits[first].second);
  }
  // The snippet starts a fifth of a window before its first match (snippet_maker.cc) and
  // holds a window: a quarter before and one window after the best start cover it.
  const size_t before = window / 4 + 1;
  const size_t first_word = best_word > before ? best_word - before : 0;
  Passage passage = passage_of_words(blocks, text_size, first_word, best_word + window);
  const size_t passage_word = block_of(blocks, first_word) * kSnippetBlockWords;
  if (echo_end > passage_word) passage.title_echo_words = echo_end - passage_word;
  return passage;
}

}  // namespace jil::search
