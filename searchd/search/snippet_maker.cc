// Sliding window over the analyzer's tokens: the window with the most distinct matching forms
// wins, earliest first; its byte range comes from the tokens' offsets. The text is analyzed piece
// by piece and the scan ends once a window holds every query word. Han text is marked character
// by character, so the analysis skips Han dictionary words (and ICU's dictionary segmentation).
#include "search/snippet_maker.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/utf8.h"
#include "search/function_words.h"

namespace jil::search {

using analysis::Token;

namespace {

// Where the piece of `text` starting at `begin` ends: within `limit` bytes, after a space or line
// break in the last quarter when there is one, never inside a UTF-8 character.
size_t piece_end(std::string_view text, size_t begin, size_t limit) {
  if (text.size() - begin <= limit) return text.size();
  const size_t end = begin + utf8::truncate_point(text.substr(begin), limit);
  for (size_t cut = end; cut > begin + limit * 3 / 4; --cut) {
    const char byte = text[cut - 1];
    if (byte == ' ' || byte == '\n' || byte == '\t') return cut;
  }
  return end;
}

bool is_function_token(const Token& token, analysis::Language language) {
  return token.kind != analysis::TokenKind::kHanChar && !token.forms.empty() &&
         is_function_word(token.forms.front(), language);
}

// Whether the Han characters of `run` are tokens[first..], one token each (the caller checks
// that the tokens reach that far).
bool run_stands_at(const std::vector<std::string>& run, const std::vector<Token>& tokens,
                   size_t first) {
  return std::equal(run.begin(), run.end(), tokens.begin() + static_cast<std::ptrdiff_t>(first),
                    [](const std::string& character, const Token& at) {
                      return at.kind == analysis::TokenKind::kHanChar && !at.forms.empty() &&
                             at.forms.front() == character;
                    });
}

// Whether only white space separates the tokens `left` and `right` of `text` (no punctuation:
// "a conflict. Of" is not a run).
bool spaced(std::string_view text, const Token& left, const Token& right) {
  if (right.utf8_begin < left.utf8_end) return false;
  const std::string_view gap = text.substr(left.utf8_end, right.utf8_begin - left.utf8_end);
  return std::all_of(gap.begin(), gap.end(), [](char byte) {
    return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
  });
}

}  // namespace

bool SnippetMaker::matches(const Token& token) const {
  for (const auto& form : token.forms) {
    if (match_forms_.count(form)) return true;
  }
  for (const auto& stem : token.stems) {
    if (match_stems_.count(stem)) return true;
  }
  return false;
}

void SnippetMaker::unmark_function_words_at_run_edges(std::string_view text,
                                                      const std::vector<Token>& tokens,
                                                      size_t first, analysis::Language language,
                                                      std::vector<bool>& marks) const {
  const bool query_has_other_words = std::any_of(
      match_forms_.begin(), match_forms_.end(),
      [language](const std::string& form) { return !is_function_word(form, language); });
  if (!query_has_other_words) return;
  for (size_t run = 0; run < marks.size();) {
    if (!marks[run]) {
      ++run;
      continue;
    }
    size_t end = run + 1;
    while (end < marks.size() && marks[end] &&
           spaced(text, tokens[first + end - 1], tokens[first + end])) {
      ++end;
    }
    // Function words stay marked between two other words of the run only.
    size_t keep_begin = run;
    while (keep_begin < end && is_function_token(tokens[first + keep_begin], language)) {
      ++keep_begin;
    }
    size_t keep_end = end;
    while (keep_end > keep_begin && is_function_token(tokens[first + keep_end - 1], language)) {
      --keep_end;
    }
    std::fill(marks.begin() + run, marks.begin() + keep_begin, false);
    std::fill(marks.begin() + keep_end, marks.begin() + end, false);
    run = end;
  }
}

std::vector<bool> SnippetMaker::marked(std::string_view text, const std::vector<Token>& tokens,
                                       size_t first, size_t last,
                                       analysis::Language language) const {
  std::vector<bool> marks(last + 1 - first, false);
  for (size_t index = first; index <= last; ++index) {
    const Token& token = tokens[index];
    if (token.kind != analysis::TokenKind::kHanChar || han_runs_ == nullptr) {
      marks[index - first] = matches(token);
      continue;
    }
    // Consecutive tokens have consecutive positions, as in the index's phrase.
    for (const std::vector<std::string>& run : *han_runs_) {
      if (run.empty() || index + run.size() - 1 > last) continue;
      const bool whole = run_stands_at(run, tokens, index);
      if (!whole) continue;
      std::fill(marks.begin() + (index - first), marks.begin() + (index - first + run.size()),
                true);
    }
  }
  unmark_function_words_at_run_edges(text, tokens, first, language, marks);
  return marks;
}

std::vector<TextPart> SnippetMaker::mark(std::string_view text, const std::vector<Token>& tokens,
                                         size_t first, size_t last, bool ellipsis_before,
                                         bool ellipsis_after, analysis::Language language) {
  std::vector<TextPart> parts;
  if (ellipsis_before) parts.push_back({"… ", false});
  uint32_t cursor = tokens[first].utf8_begin;
  const uint32_t end = tokens[last].utf8_end;
  last_marks_ = marked(text, tokens, first, last, language);
  const std::vector<bool>& marks = last_marks_;
  for (size_t index = first; index <= last; ++index) {
    const Token& token = tokens[index];
    if (!marks[index - first] || token.utf8_begin < cursor) {
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

void SnippetMaker::count_whole_han_run_ending_at(const std::vector<Token>& tokens, size_t word,
                                                 size_t unchosen_words, size_t window,
                                                 std::vector<bool>& word_matches,
                                                 std::map<std::string, size_t>& in_window) const {
  for (const std::vector<std::string>& run : *han_runs_) {
    if (run.empty() || run.size() > word + 1 || word + 1 - run.size() < unchosen_words) continue;
    const size_t first = word + 1 - run.size();
    const bool whole = run_stands_at(run, tokens, first);
    if (!whole) continue;
    for (size_t index = first; index <= word; ++index) {
      // Counted only while in the window that ends at `word`, so that leaving it uncounts it.
      if (word_matches[index] || index + window <= word) continue;
      word_matches[index] = true;
      ++in_window[tokens[index].forms.front()];
    }
  }
}

void SnippetMaker::keep_han_words_whole(std::string_view text, const std::vector<Token>& tokens,
                                        size_t& first, size_t& last, analysis::Language language) {
  // The longest dictionary words are a few characters; this many on each side of an edge tell
  // ICU where the words around it end.
  constexpr size_t kContextCharacters = 6;
  const auto word_around = [&](size_t edge_token) -> std::pair<size_t, size_t> {
    const size_t from = edge_token > kContextCharacters ? edge_token - kContextCharacters : 0;
    const size_t to = std::min(tokens.size() - 1, edge_token + kContextCharacters);
    const uint32_t begin = tokens[from].utf8_begin;
    const std::string_view piece = text.substr(begin, tokens[to].utf8_end - begin);
    for (const Token& word : analyzer_.analyze(piece, language, stem_gate_)) {
      if (word.kind != analysis::TokenKind::kHanWord) continue;
      const uint32_t word_begin = begin + word.utf8_begin;
      const uint32_t word_end = begin + word.utf8_end;
      if (word_begin > tokens[edge_token].utf8_begin || word_end <= tokens[edge_token].utf8_begin) {
        continue;
      }
      // The characters the word spans, by their offsets.
      size_t word_first = edge_token;
      while (word_first > from && tokens[word_first].utf8_begin > word_begin) --word_first;
      size_t word_last = edge_token;
      while (word_last < to && tokens[word_last].utf8_end < word_end) ++word_last;
      return {word_first, word_last};
    }
    return {edge_token, edge_token};
  };
  if (tokens[first].kind == analysis::TokenKind::kHanChar) first = word_around(first).first;
  if (tokens[last].kind == analysis::TokenKind::kHanChar) last = word_around(last).second;
}

void SnippetMaker::append_closing_punctuation(std::string_view rest, std::vector<TextPart>& parts) {
  // After the last word there is only what no word is made of: the final "." or "。" of the
  // text, a closing bracket or quote; space and line ends are left out, and so is a long run.
  constexpr size_t kMaxClosingBytes = 16;
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) {
    rest.remove_suffix(1);
  }
  if (rest.empty() || rest.size() > kMaxClosingBytes) return;
  if (!parts.empty() && !parts.back().match) {
    parts.back().text += rest;
  } else {
    parts.push_back({std::string(rest), false});
  }
}

std::vector<TextPart> SnippetMaker::highlighted(std::string_view text,
                                                analysis::Language language) {
  const std::vector<Token> tokens =
      analyzer_.analyze(text, language, stem_gate_, analysis::HanWords::kSkip);
  if (tokens.empty()) return {{std::string(text), false}};
  std::vector<TextPart> parts;
  if (tokens.front().utf8_begin > 0) {
    parts.push_back({std::string(text.substr(0, tokens.front().utf8_begin)), false});
  }
  for (auto& part : mark(text, tokens, 0, tokens.size() - 1, false, false, language)) {
    parts.push_back(std::move(part));
  }
  if (tokens.back().utf8_end < text.size()) {
    parts.push_back({std::string(text.substr(tokens.back().utf8_end)), false});
  }
  return parts;
}

std::vector<TextPart> SnippetMaker::snippet(std::string_view text, analysis::Language language,
                                            size_t unchosen_words) {
  text = text.substr(0, utf8::truncate_point(text, kMaxSnippetScanBytes));
  first_match_offset_ = std::string_view::npos;
  const size_t window_wanted = snippet_window(language);
  // One per word or Han character (no Han dictionary words), offsets relative to `text`.
  std::vector<Token> tokens;
  std::vector<bool> word_matches;
  std::map<std::string, size_t> in_window;  // matching form → occurrences in the window
  auto form_of = [&](size_t word) -> const std::string& { return tokens[word].forms[0]; };
  size_t best_start = 0;
  size_t best_score = 0;
  size_t scanned = 0;
  for (size_t piece = kFirstSnippetPieceBytes; scanned < text.size(); piece *= 2) {
    const size_t end = piece_end(text, scanned, piece);
    for (Token& token : analyzer_.analyze(text.substr(scanned, end - scanned), language, stem_gate_,
                                          analysis::HanWords::kSkip)) {
      token.utf8_begin += static_cast<uint32_t>(scanned);
      token.utf8_end += static_cast<uint32_t>(scanned);
      tokens.push_back(std::move(token));
      const size_t word = tokens.size() - 1;
      if (tokens.back().kind == analysis::TokenKind::kHanChar && han_runs_ != nullptr) {
        // A Han character counts once its whole run of the query stands (as marked() marks it):
        // the 法 of 司法 is no match for 法官.
        word_matches.push_back(false);
        count_whole_han_run_ending_at(tokens, word, unchosen_words, window_wanted, word_matches,
                                      in_window);
      } else {
        word_matches.push_back(word >= unchosen_words && matches(tokens.back()));
        if (word_matches[word]) ++in_window[form_of(word)];
      }
      if (word >= window_wanted) {
        const size_t leaving = word - window_wanted;
        if (word_matches[leaving] && --in_window[form_of(leaving)] == 0) {
          in_window.erase(form_of(leaving));
        }
      }
      if (word + 1 >= window_wanted && in_window.size() > best_score) {
        best_score = in_window.size();
        best_start = word + 1 - window_wanted;
      }
    }
    scanned = end;
    if (words_wanted_ > 0 && best_score >= words_wanted_) break;  // no window can do better
  }
  if (tokens.empty()) return {};
  if (tokens.size() < window_wanted) best_score = in_window.size();  // one short window: all of it
  const size_t window = std::min(tokens.size(), window_wanted);
  // Start a little before the first match so that it has some context.
  if (best_score > 0) {
    size_t first_match = best_start;
    while (first_match < best_start + window && !word_matches[first_match]) ++first_match;
    const size_t context = window / 5;
    best_start = first_match > context ? first_match - context : 0;
    best_start = std::min(best_start, tokens.size() - window);
  }
  size_t last = best_start + window - 1;
  if (language == analysis::Language::kZh)
    keep_han_words_whole(text, tokens, best_start, last, language);
  const bool cut_after = last + 1 < tokens.size() || scanned < text.size();
  std::vector<TextPart> parts =
      mark(text, tokens, best_start, last, best_start > 0, cut_after, language);
  if (!cut_after) append_closing_punctuation(text.substr(tokens[last].utf8_end), parts);
  // The first word marked (a function word on its own is not).
  for (size_t word = best_start; best_score > 0 && word <= last; ++word) {
    if (last_marks_[word - best_start]) {
      first_match_offset_ = tokens[word].utf8_begin;
      break;
    }
  }
  return parts;
}

std::vector<TextPart> SnippetMaker::snippet_in(std::string_view text, size_t begin, size_t end,
                                               analysis::Language language) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  return snippet_at(text.substr(begin, end - begin), begin, text.size(), language);
}

std::vector<TextPart> SnippetMaker::snippet_at(std::string_view passage, size_t begin,
                                               size_t text_size, analysis::Language language,
                                               size_t unchosen_words) {
  std::vector<TextPart> parts = snippet(passage, language, unchosen_words);
  if (first_match_offset_ != std::string_view::npos) first_match_offset_ += begin;
  if (parts.empty()) return parts;
  if (begin > 0 && parts.front().text != "… ") parts.insert(parts.begin(), {"… ", false});
  if (begin + passage.size() < text_size && parts.back().text != " …") {
    parts.push_back({" …", false});
  }
  return parts;
}

}  // namespace jil::search
