// French singular/plural pairing (french_number_pairs.h): both directions are checked through
// the shared analyzer, so the stems are those the indexer wrote.
#include "search/french_number_pairs.h"

namespace jil::search {
namespace {

// The French stem of one folded word, "" when the analyzer does not see one word there.
std::string french_stem(const std::string& word, analysis::Analyzer& analyzer) {
  const std::vector<analysis::Token> tokens = analyzer.analyze(word, analysis::Language::kFr);
  if (tokens.size() != 1 || tokens.front().kind != analysis::TokenKind::kWord ||
      tokens.front().stems.size() != 1) {
    return "";
  }
  return tokens.front().stems.front();
}

bool is_ascii_lowercase_letter(char byte) { return byte >= 'a' && byte <= 'z'; }

}  // namespace

NumberPair french_number_pair(const std::string& form, analysis::Analyzer& analyzer) {
  NumberPair pair;
  // Folded French words end in an unaccented letter; anything else (digits, other scripts) has
  // no number to pair.
  if (form.size() < 3 || !is_ascii_lowercase_letter(form.back())) return pair;
  const std::string own_stem = french_stem(form, analyzer);
  if (own_stem.empty()) return pair;
  if (form.back() == 's') {
    // conflits: its stem is its singular, which the stemmer cuts further (conflit → confl).
    const std::string singular = form.substr(0, form.size() - 1);
    if (own_stem == singular && french_stem(singular, analyzer) != singular) {
      pair.forms.push_back(singular);
    }
    return pair;
  }
  // conflit: its plural keeps the whole singular as its stem, the singular itself does not.
  const std::string plural_stem = french_stem(form + "s", analyzer);
  if (plural_stem == form && own_stem != form) pair.stems.push_back(plural_stem);
  return pair;
}

}  // namespace jil::search
