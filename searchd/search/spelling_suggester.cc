// Implementation of spelling_suggester.h.
#include "search/spelling_suggester.h"

#include <vector>

#include "schema/spelling_words.h"
#include "schema/title_words.h"

namespace jil::search {
namespace {

// Plain words of the query, in order, skipping excluded subtrees.
void plain_words(const QueryNode& node, std::vector<const QueryNode*>& out) {
  if (node.kind == QueryNode::Kind::kWord) out.push_back(&node);
  if (node.kind == QueryNode::Kind::kNot) return;
  for (const QueryNode& child : node.children) plain_words(child, out);
}

size_t letters(const std::string& word) {
  size_t count = 0;
  for (unsigned char c : word) count += (c & 0xC0) != 0x80;
  return count;
}

// The dictionary holds folded words ("recusation"); where a title has the word, the form it is
// written in there, accents and all ("récusation"), the most frequent of `language`'s titles
// (every language's for kUnd); else the folded word itself.
std::string written_form(const Xapian::Database& database, const std::string& folded,
                         analysis::Language language) {
  std::string best = folded;
  Xapian::doccount best_titles = 0;
  for (const analysis::Language each : analysis::all_languages()) {
    if (language != analysis::Language::kUnd && each != language) continue;
    // Title word terms are "XS<lang><folded> <as written>" (schema/title_words.h).
    const std::string start =
        schema::title_word_prefix(analysis::language_code(each)) + folded + " ";
    for (auto term = database.allterms_begin(start); term != database.allterms_end(start); ++term) {
      if (term.get_termfreq() <= best_titles) continue;
      best_titles = term.get_termfreq();
      best = (*term).substr(start.size());
    }
  }
  return best;
}

}  // namespace

std::string spelling_suggestion(const Xapian::Database& database, analysis::Analyzer& analyzer,
                                const QueryNode& tree, const std::string& query,
                                analysis::Language language) {
  std::vector<const QueryNode*> words;
  plain_words(tree, words);
  std::string corrected;
  size_t copied = 0;  // bytes of `query` already in `corrected`
  bool changed = false;
  for (const QueryNode* word : words) {
    const std::vector<analysis::Token> tokens = analyzer.analyze(word->text, language);
    if (tokens.size() != 1 || tokens[0].forms.empty()) continue;  // elisions, Han runs, …
    const std::string& form = tokens[0].forms.front();
    if (!schema::is_spelling_word(form) || schema::spelling_frequency(database, form) > 0 ||
        database.term_exists(form)) {
      continue;
    }
    const unsigned distance = letters(form) <= kShortWordLetters ? 1 : 2;
    const std::string replacement = database.get_spelling_suggestion(form, distance);
    const size_t at = query.find(word->text, copied);
    if (replacement.empty() || at == std::string::npos) continue;
    corrected += query.substr(copied, at - copied) + written_form(database, replacement, language);
    copied = at + word->text.size();
    changed = true;
  }
  if (!changed) return "";
  return corrected + query.substr(copied);
}

}  // namespace jil::search
