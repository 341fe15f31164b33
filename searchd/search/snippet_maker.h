// Picks the passage of a text that best shows why it matched, and marks the matching words.
// Windows are measured in words (Han characters count as words), never bytes, so a snippet
// never cuts a character and reads the same in every script.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "schema/snippet_blocks.h"
#include "search/search_request.h"

namespace jil::search {

// How much text a snippet shows, and how much of a long document is scanned for it.
inline constexpr size_t kSnippetWords = 30;
inline constexpr size_t kSnippetHanCharacters = 70;
inline constexpr size_t kMaxSnippetScanBytes = schema::kMaxSnippetScanBytes;
// Text is analyzed in pieces, the first this long and each next one twice the previous, and the
// scan stops as soon as a window holds every word of the query: most hits need only the first.
inline constexpr size_t kFirstSnippetPieceBytes = 4 * 1024;

// Words in a snippet of a text in `language`.
inline size_t snippet_window(analysis::Language language) {
  return language == analysis::Language::kZh ? kSnippetHanCharacters : kSnippetWords;
}

// The query's runs of Han characters, folded (query_builder.h BuiltQuery::han_runs).
using HanRuns = std::vector<std::vector<std::string>>;

class SnippetMaker {
 public:
  // `words_wanted` is how many distinct query words a window can hold at best (0: unknown, so
  // the whole text is scanned). With `han_runs`, a Han character is marked only inside a whole
  // run of the query (利益 of 財務利益 is not marked for 利益冲突); without, every matching one is.
  SnippetMaker(analysis::Analyzer& analyzer, const std::set<std::string>& match_forms,
               const std::set<std::string>& match_stems, size_t words_wanted = 0,
               const HanRuns* han_runs = nullptr)
      : analyzer_(analyzer),
        match_forms_(match_forms),
        match_stems_(match_stems),
        stem_gate_(analysis::StemGate::for_matches(match_forms, match_stems)),
        words_wanted_(words_wanted),
        han_runs_(han_runs) {}

  // The best window of `text` with matches marked; the opening words when nothing matches.
  // Matches among the first `unchosen_words` words are marked but do not choose the window
  // (the title's echo: passage_finder.h).
  std::vector<TextPart> snippet(std::string_view text, analysis::Language language,
                                size_t unchosen_words = 0);
  // The snippet of the passage [begin, end) of `text` (passage_finder.h), with ellipses where
  // the text goes on beyond the passage; first_match_offset() is an offset in the whole text.
  std::vector<TextPart> snippet_in(std::string_view text, size_t begin, size_t end,
                                   analysis::Language language);
  // The same for a passage given as its bytes, which start at `begin` in a text of `text_size`
  // bytes (the passage alone is read from the index: schema/document_data.h read_text).
  std::vector<TextPart> snippet_at(std::string_view passage, size_t begin, size_t text_size,
                                   analysis::Language language, size_t unchosen_words = 0);
  // Byte offset in the text of the first match of the last snippet, or npos when it had none.
  size_t first_match_offset() const { return first_match_offset_; }
  // The whole of a short text (a title) with matches marked.
  std::vector<TextPart> highlighted(std::string_view text, analysis::Language language);

 private:
  bool matches(const analysis::Token& token) const;
  // For tokens[first..last]: whether each is marked (Han characters by whole runs). A function
  // word (function_words.h) is marked only between two other marked words, joined to them by
  // white space alone ("conflict of interest"), unless every word the query has is one.
  std::vector<bool> marked(std::string_view text, const std::vector<analysis::Token>& tokens,
                           size_t first, size_t last, analysis::Language language) const;
  // Unmarks the function words of `marks` (for tokens[first..]) that begin or end a run.
  void unmark_function_words_at_run_edges(std::string_view text,
                                          const std::vector<analysis::Token>& tokens, size_t first,
                                          analysis::Language language,
                                          std::vector<bool>& marks) const;
  // While scanning for the best window: when tokens[..word] ends a whole run of han_runs_, marks
  // its characters as matches in `word_matches` and counts them in `in_window`.
  void count_whole_han_run_ending_at(const std::vector<analysis::Token>& tokens, size_t word,
                                     size_t unchosen_words, size_t window,
                                     std::vector<bool>& word_matches,
                                     std::map<std::string, size_t>& in_window) const;
  // Widens tokens[first..last] so that neither edge cuts a Han dictionary word in two ("发布施行"
  // is not shown as "布施行"): ICU's dictionary segmentation of a few characters around each edge.
  void keep_han_words_whole(std::string_view text, const std::vector<analysis::Token>& tokens,
                            size_t& first, size_t& last, analysis::Language language);
  // Adds the punctuation that closes a text (`rest`: what follows its last word) to a snippet
  // that shows that last word.
  static void append_closing_punctuation(std::string_view rest, std::vector<TextPart>& parts);
  // The parts of tokens[first..last] of `text`; sets last_marks_.
  std::vector<TextPart> mark(std::string_view text, const std::vector<analysis::Token>& tokens,
                             size_t first, size_t last, bool ellipsis_before, bool ellipsis_after,
                             analysis::Language language);

  analysis::Analyzer& analyzer_;
  const std::set<std::string>& match_forms_;
  const std::set<std::string>& match_stems_;
  // Only words that can share a query stem are stemmed: matches() compares stems with those.
  const analysis::StemGate stem_gate_;
  const size_t words_wanted_;
  const HanRuns* han_runs_;
  size_t first_match_offset_ = std::string_view::npos;
  std::vector<bool> last_marks_;  // of the tokens mark() was last given
};

}  // namespace jil::search
