// Implementation of query_relaxation.h.
#include "search/query_relaxation.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace jil::search {
namespace {

using analysis::Token;
using analysis::TokenKind;

// The dictionary words of a word that is one Han run ("法官可以收礼吗" → 法官, 可以, 收礼, 吗),
// and the characters no dictionary word covers; empty when `text` is not a Han run of two or
// more such pieces (other words stay whole: "whistle-blower" is still one word).
std::vector<std::string> han_pieces(const std::string& text, analysis::Analyzer& analyzer,
                                    analysis::Language language) {
  const std::vector<Token> tokens = analyzer.analyze(text, language);
  // A dictionary word follows its characters (analyzer.cc): take the words first, then the
  // characters outside every word, in the order of the text.
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kWord) return {};
    if (token.kind == TokenKind::kHanWord) spans.emplace_back(token.utf8_begin, token.utf8_end);
  }
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kHanChar) continue;
    const bool in_word = std::any_of(spans.begin(), spans.end(), [&token](const auto& span) {
      return token.utf8_begin >= span.first && token.utf8_end <= span.second;
    });
    if (!in_word) spans.emplace_back(token.utf8_begin, token.utf8_end);
  }
  if (spans.size() < 2) return {};
  std::sort(spans.begin(), spans.end());
  std::vector<std::string> pieces;
  for (const auto& [begin, end] : spans) pieces.push_back(text.substr(begin, end - begin));
  return pieces;
}

void add_alternatives(const QueryNode& operand, analysis::Analyzer& analyzer,
                      analysis::Language language, std::vector<QueryNode>& alternatives) {
  if (operand.kind == QueryNode::Kind::kWord) {
    std::vector<std::string> pieces = han_pieces(operand.text, analyzer, language);
    for (std::string& piece : pieces) {
      alternatives.push_back({QueryNode::Kind::kWord, std::move(piece), {}});
    }
    if (!pieces.empty()) return;
  }
  alternatives.push_back(operand);
}

}  // namespace

std::optional<QueryNode> relaxed_query(const QueryNode& tree, analysis::Analyzer& analyzer,
                                       analysis::Language language) {
  if (tree.kind == QueryNode::Kind::kOr) return std::nullopt;
  const std::vector<QueryNode> operands =
      tree.kind == QueryNode::Kind::kAnd ? tree.children : std::vector<QueryNode>{tree};
  std::vector<QueryNode> alternatives;
  std::vector<QueryNode> excluded;
  for (const QueryNode& operand : operands) {
    if (operand.kind == QueryNode::Kind::kNot) {
      excluded.push_back(operand);
    } else {
      add_alternatives(operand, analyzer, language, alternatives);
    }
  }
  if (alternatives.size() < 2) return std::nullopt;
  QueryNode relaxed{QueryNode::Kind::kAnd, "", {}};
  relaxed.children.push_back({QueryNode::Kind::kOr, "", std::move(alternatives)});
  for (QueryNode& exclusion : excluded) relaxed.children.push_back(std::move(exclusion));
  return relaxed;
}

}  // namespace jil::search
