// Implementation of snippet_blocks.h.
#include "schema/snippet_blocks.h"

namespace jil::schema {

SnippetBlocks snippet_blocks(const std::vector<analysis::Token>& tokens, uint32_t body_position) {
  SnippetBlocks blocks;
  blocks.body_position = body_position;
  for (const analysis::Token& token : tokens) {
    if (token.kind == analysis::TokenKind::kHanWord) continue;  // not a position of its own
    if (token.utf8_begin >= kMaxSnippetScanBytes) break;
    if (token.position % kSnippetBlockWords == 0 &&
        token.position / kSnippetBlockWords == blocks.starts.size()) {
      blocks.starts.push_back(token.utf8_begin);
    }
  }
  return blocks;
}

}  // namespace jil::schema
