// Implementation of suggester.h.
#include "search/suggester.h"

#include <algorithm>
#include <map>
#include <set>

#include "schema/prefixes.h"
#include "schema/title_words.h"
#include "schema/value_slots.h"

namespace jil::search {
namespace {

size_t code_points(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// The last word typed, folded like the title words: a word's first form, or a Han run's
// characters (Traditional folded to Simplified). Empty when too short to suggest from.
std::string folded_prefix(analysis::Analyzer& analyzer, const std::string& word,
                          analysis::Language language) {
  const std::vector<analysis::Token> tokens = analyzer.analyze(word, language);
  std::string han;
  std::string last_word;
  for (const analysis::Token& token : tokens) {
    if (token.forms.empty()) continue;
    if (token.kind == analysis::TokenKind::kHanChar) han += token.forms.front();
    if (token.kind == analysis::TokenKind::kWord) last_word = token.forms.front();
  }
  if (!han.empty() && last_word.empty()) return han;
  return code_points(last_word) >= kMinSuggestPrefixLetters ? last_word : "";
}

std::string document_id(const Xapian::Document& document) {
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(std::string(schema::kIdPrefix));
  if (term == document.termlist_end() || !(*term).starts_with(schema::kIdPrefix)) return "";
  return (*term).substr(schema::kIdPrefix.size());
}

}  // namespace

Suggestions suggest(const Xapian::Database& database, analysis::Analyzer& analyzer,
                    const std::string& text, analysis::Language language, analysis::Language home) {
  Suggestions out;
  const size_t last_space = text.find_last_of(" \t");
  const std::string head = last_space == std::string::npos ? "" : text.substr(0, last_space + 1);
  const std::string last = text.substr(head.size());
  if (last.empty()) return out;
  // The query syntax typed before the word ("(jud", "\"jud", "-jud", "=jud") stays before it.
  const std::string syntax = last.substr(0, last.find_first_not_of("(\"-="));
  const std::string prefix = folded_prefix(analyzer, last, language);
  if (prefix.empty()) return out;

  std::map<std::string, uint64_t> documents;              // surface word → titles
  std::set<std::string> in_home_titles;                   // surface words of `home` titles
  std::map<std::string, std::vector<std::string>> terms;  // surface word → its terms
  std::vector<analysis::Language> languages;
  if (language == analysis::Language::kUnd) {
    const auto all = analysis::all_languages();
    languages.assign(all.begin(), all.end());
  } else {
    languages.push_back(language);
  }
  for (analysis::Language each : languages) {
    const std::string start = schema::title_word_prefix(analysis::language_code(each)) + prefix;
    size_t read = 0;
    for (auto term = database.allterms_begin(start);
         term != database.allterms_end(start) && read < kMaxSuggestTermsRead; ++term, ++read) {
      const std::string& full = *term;
      const size_t space = full.find(' ');
      if (space == std::string::npos) continue;
      const std::string surface = full.substr(space + 1);
      documents[surface] += term.get_termfreq();
      if (each == home) in_home_titles.insert(surface);
      terms[surface].push_back(full);
    }
  }
  std::vector<std::pair<std::string, uint64_t>> ranked(documents.begin(), documents.end());
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    const bool a_home = in_home_titles.count(a.first) > 0;
    const bool b_home = in_home_titles.count(b.first) > 0;
    return a_home != b_home ? a_home : a.second > b.second;
  });
  if (ranked.size() > kMaxSuggestedTerms) ranked.resize(kMaxSuggestedTerms);
  std::set<Xapian::docid> seen;
  for (const auto& [surface, count] : ranked) {
    out.terms.push_back({surface, head + syntax + surface, count});
    for (const std::string& term : terms[surface]) {
      for (auto posting = database.postlist_begin(term);
           posting != database.postlist_end(term) && out.titles.size() < kMaxSuggestedTitles;
           ++posting) {
        if (!seen.insert(*posting).second) continue;
        const Xapian::Document document = database.get_document(*posting);
        out.titles.push_back({document_id(document), document.get_value(schema::kTitleTextSlot),
                              document.get_value(schema::kLanguageSlot)});
      }
    }
  }
  return out;
}

}  // namespace jil::search
