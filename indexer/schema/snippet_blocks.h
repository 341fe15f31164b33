// Where a document's body words start, one offset every kSnippetBlockWords words: stored with the
// document data so that searchd cuts a result's snippet from Xapian's positions of the matched
// words and analyzes only that passage, never the whole text (searchd/search/passage_finder.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/token.h"

namespace jil::schema {

// One stored offset per this many body words (Han characters count as words).
inline constexpr uint32_t kSnippetBlockWords = 16;
// Snippets come from the first this many bytes of a text; blocks are stored for them only.
inline constexpr size_t kMaxSnippetScanBytes = 256 * 1024;

struct SnippetBlocks {
  uint32_t body_position = 0;    // Xapian position of the body's word 0
  std::vector<uint32_t> starts;  // byte offset in the text of words 0, 16, 32, ...
};

// The blocks of a body analyzed into `tokens` (offsets relative to the body) and indexed from
// Xapian position `body_position`.
SnippetBlocks snippet_blocks(const std::vector<analysis::Token>& tokens, uint32_t body_position);

}  // namespace jil::schema
