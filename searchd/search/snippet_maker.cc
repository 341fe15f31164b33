// Sliding window over the analyzer's tokens: the window with the most distinct matching forms
// wins, earliest first; its byte range comes from the tokens' offsets.
#include "search/snippet_maker.h"

#include <algorithm>
#include <map>

#include "base/utf8.h"

namespace jil::search {

using analysis::Token;
using analysis::TokenKind;

bool SnippetMaker::matches(const Token& token) const {
  for (const auto& form : token.forms) {
    if (match_forms_.count(form)) return true;
  }
  for (const auto& stem : token.stems) {
    if (match_stems_.count(stem)) return true;
  }
  return false;
}

std::vector<TextPart> SnippetMaker::mark(std::string_view text, const std::vector<Token>& tokens,
                                         size_t first, size_t last, bool ellipsis_before,
                                         bool ellipsis_after) const {
  std::vector<TextPart> parts;
  if (ellipsis_before) parts.push_back({"… ", false});
  uint32_t cursor = tokens[first].utf8_begin;
  const uint32_t end = tokens[last].utf8_end;
  for (size_t index = first; index <= last; ++index) {
    const Token& token = tokens[index];
    if (token.kind == TokenKind::kHanWord || !matches(token) || token.utf8_begin < cursor) {
      continue;
    }
    if (token.utf8_begin > cursor) {
      parts.push_back({std::string(text.substr(cursor, token.utf8_begin - cursor)), false});
    }
    const std::string_view word = text.substr(token.utf8_begin, token.utf8_end - token.utf8_begin);
    if (!parts.empty() && parts.back().match && token.utf8_begin == cursor) {
      parts.back().text += word;  // adjacent Han characters read as one highlighted word
    } else {
      parts.push_back({std::string(word), true});
    }
    cursor = token.utf8_end;
  }
  if (end > cursor) parts.push_back({std::string(text.substr(cursor, end - cursor)), false});
  if (ellipsis_after) parts.push_back({" …", false});
  return parts;
}

std::vector<TextPart> SnippetMaker::highlighted(std::string_view text,
                                                analysis::Language language) {
  const std::vector<Token> tokens = analyzer_.analyze(text, language);
  if (tokens.empty()) return {{std::string(text), false}};
  std::vector<TextPart> parts;
  if (tokens.front().utf8_begin > 0) {
    parts.push_back({std::string(text.substr(0, tokens.front().utf8_begin)), false});
  }
  for (auto& part : mark(text, tokens, 0, tokens.size() - 1, false, false)) {
    parts.push_back(std::move(part));
  }
  if (tokens.back().utf8_end < text.size()) {
    parts.push_back({std::string(text.substr(tokens.back().utf8_end)), false});
  }
  return parts;
}

std::vector<TextPart> SnippetMaker::snippet(std::string_view text, analysis::Language language) {
  text = text.substr(0, utf8::truncate_point(text, kMaxSnippetScanBytes));
  const std::vector<Token> tokens = analyzer_.analyze(text, language);
  if (tokens.empty()) return {};
  // Positional tokens only: one per word or Han character.
  std::vector<size_t> words;
  for (size_t index = 0; index < tokens.size(); ++index) {
    if (tokens[index].kind != TokenKind::kHanWord) words.push_back(index);
  }
  const bool han = language == analysis::Language::kZh;
  const size_t window = std::min(words.size(), han ? kSnippetHanCharacters : kSnippetWords);
  size_t best_start = 0;
  size_t best_score = 0;
  std::map<std::string, size_t> in_window;  // matching form → occurrences in the window
  auto form_of = [&](size_t word) -> const std::string& { return tokens[words[word]].forms[0]; };
  for (size_t word = 0; word < words.size(); ++word) {
    if (matches(tokens[words[word]])) ++in_window[form_of(word)];
    if (word >= window) {
      const size_t leaving = word - window;
      if (matches(tokens[words[leaving]]) && --in_window[form_of(leaving)] == 0) {
        in_window.erase(form_of(leaving));
      }
    }
    if (word + 1 >= window && in_window.size() > best_score) {
      best_score = in_window.size();
      best_start = word + 1 - window;
    }
  }
  // Start a little before the first match so that it has some context.
  if (best_score > 0) {
    size_t first_match = best_start;
    while (first_match < best_start + window && !matches(tokens[words[first_match]])) {
      ++first_match;
    }
    const size_t context = window / 5;
    best_start = first_match > context ? first_match - context : 0;
    best_start = std::min(best_start, words.size() - window);
  }
  const size_t last = best_start + window - 1;
  return mark(text, tokens, words[best_start], words[last], best_start > 0,
              last + 1 < words.size());
}

}  // namespace jil::search
