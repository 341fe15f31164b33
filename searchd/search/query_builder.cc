// Word → SYNONYM of its forms and stems; several tokens (elision, hyphen, Han run, "phrase") →
// PHRASE over positions, each position an OR of its forms and of the index's forms sharing its
// stems (Xapian 1.4 allows OR leaves there; stems themselves have no positions). `=` forms and a
// quoted single word are not widened.
#include "search/query_builder.h"

#include <algorithm>
#include <map>

#include "schema/han_bigrams.h"
#include "schema/prefixes.h"
#include "search/french_number_pairs.h"
#include "search/query_errors.h"

namespace jil::search {
namespace {

using analysis::Token;
using analysis::TokenKind;

// Pairs `terms[begin, end)` into a fixed tree of two-way ORs. Each inner OR is wrapped in a
// weight scale of 1, which Xapian does not merge into the OR above it.
Xapian::Query pairwise_or(const std::vector<std::string>& terms, size_t begin, size_t end) {
  if (end - begin == 1) return Xapian::Query(terms[begin]);
  const size_t middle = begin + (end - begin) / 2;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairwise_or(terms, begin, middle),
                                     pairwise_or(terms, middle, end)),
                       1.0);
}

// One word's alternatives as a SYNONYM (one weight for their summed wdf). Xapian estimates a
// synonym's document frequency by joining its terms two at a time, rounding each step, in the
// order of each database's own frequencies: with three terms or more, two remote shards then
// joined them in different orders and scored the same documents up to 5 % apart from the single
// index (القضاة with its singular قاضي). A fixed tree of pairs joins them in one order everywhere.
Xapian::Query synonym_of(const std::vector<std::string>& terms) {
  if (terms.size() <= 2)
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  const size_t middle = terms.size() / 2;
  return Xapian::Query(Xapian::Query::OP_SYNONYM, pairwise_or(terms, 0, middle),
                       pairwise_or(terms, middle, terms.size()));
}

// How far a word reaches beyond its own forms: a bare word to its stems (and in a phrase to the
// stems' forms), a quoted phrase's positions to their stems' forms, `=` nowhere.
enum class Widening { kStems, kPhrasePositions, kNone };

class Builder {
 public:
  Builder(analysis::Analyzer& analyzer, analysis::Language language, StemSiblings* siblings,
          BuiltQuery& out)
      : analyzer_(analyzer), language_(language), siblings_(siblings), out_(out) {}

  // An empty Query means "no words here" (e.g. punctuation only).
  Result<Xapian::Query> build(const QueryNode& node, bool positive) {
    switch (node.kind) {
      case QueryNode::Kind::kWord:
        return words(node.text, positive, Widening::kStems);
      case QueryNode::Kind::kPhrase:
        return words(node.text, positive, Widening::kPhrasePositions);
      case QueryNode::Kind::kExact:
        return exact(node.text, positive);
      case QueryNode::Kind::kOr:
        return either(node, positive);
      case QueryNode::Kind::kNot:
        return build(node.children[0], false);
      case QueryNode::Kind::kAnd:
        return all(node, positive);
    }
    return Xapian::Query();
  }

 private:
  // Tokens grouped by position, Han dictionary words left out (phrases run over characters).
  static std::map<uint32_t, std::vector<const Token*>> by_position(
      const std::vector<Token>& tokens) {
    std::map<uint32_t, std::vector<const Token*>> positions;
    for (const Token& token : tokens) {
      if (token.kind != TokenKind::kHanWord) positions[token.position].push_back(&token);
    }
    return positions;
  }

  // The other number of a French word the stemmer parts (french_number_pairs.h), for a reader
  // in French or in no known language; nothing for other languages and for `=` words. Worked
  // out once per form: highlighting and the query both ask for it.
  NumberPair number_pair(const Token& token, Widening widening) {
    if (widening == Widening::kNone || token.kind != TokenKind::kWord || token.forms.empty() ||
        (language_ != analysis::Language::kFr && language_ != analysis::Language::kUnd)) {
      return {};
    }
    const std::string& form = token.forms.front();
    auto known = number_pairs_.find(form);
    if (known == number_pairs_.end()) {
      known = number_pairs_.emplace(form, french_number_pair(form, analyzer_)).first;
    }
    return known->second;
  }

  void remember(const Token& token, bool positive, const NumberPair& pair = {}) {
    if (!positive) return;
    out_.match_forms.insert(token.forms.begin(), token.forms.end());
    out_.match_stems.insert(token.stems.begin(), token.stems.end());
    out_.match_forms.insert(pair.forms.begin(), pair.forms.end());
    out_.match_stems.insert(pair.stems.begin(), pair.stems.end());
    if (token.kind != TokenKind::kHanWord && !token.forms.empty()) {
      out_.match_words.insert(token.forms.front());
    }
  }

  // The runs of consecutive Han characters among `tokens`, as their folded characters.
  void remember_han_runs(const std::vector<Token>& tokens, bool positive) {
    if (!positive) return;
    std::vector<std::string> run;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kHanWord) continue;
      if (token.kind == TokenKind::kHanChar && !token.forms.empty()) {
        run.push_back(token.forms.front());
        continue;
      }
      if (!run.empty()) out_.han_runs.push_back(std::move(run));
      run.clear();
    }
    if (!run.empty()) out_.han_runs.push_back(std::move(run));
  }

  Xapian::Query forms_query(const Token& token) {
    std::vector<Xapian::Query> forms;
    for (const auto& form : token.forms) forms.emplace_back(form);
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
  }

  // Whether `root` is a word that is its own stem, which documents index unprefixed instead of
  // as a Z term. Other stems are not looked up unprefixed: "تهميا" (stem "تهمي") would match
  // every text with the word "تهمي", whose own stem is "تهم".
  bool is_own_stem(const std::string& root) {
    const std::vector<Token> analyzed = analyzer_.analyze(root, language_);
    return analyzed.size() == 1 &&
           std::find(analyzed.front().stems.begin(), analyzed.front().stems.end(), root) !=
               analyzed.front().stems.end();
  }

  // The OR at one position of a phrase: the tokens' forms, then (when widening) the index's
  // forms of their stems, each term once.
  Xapian::Query position_query(const std::vector<const Token*>& at_position, Widening widening) {
    std::vector<std::string> terms;
    const auto add = [&terms](const std::string& term) {
      if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
    };
    for (const Token* token : at_position) {
      for (const auto& form : token->forms) add(form);
    }
    if (siblings_ != nullptr && widening != Widening::kNone) {
      for (const Token* token : at_position) {
        for (const auto& root : token->stems) {
          for (const std::string& form : siblings_->forms(root, language_)) add(form);
        }
        const NumberPair pair = number_pair(*token, widening);
        for (const auto& form : pair.forms) add(form);
        for (const auto& root : pair.stems) {
          for (const std::string& form : siblings_->forms(root, analysis::Language::kFr)) {
            add(form);
          }
        }
      }
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  Xapian::Query words(const std::string& text, bool positive, Widening widening) {
    const std::vector<Token> tokens = analyzer_.analyze(text, language_);
    const auto positions = by_position(tokens);
    // A quoted single word is taken as typed, like an `=` word.
    const bool widened = widening == Widening::kStems ||
                         (widening == Widening::kPhrasePositions && positions.size() > 1);
    for (const Token& token : tokens) {
      remember(token, positive, widened ? number_pair(token, widening) : NumberPair{});
    }
    remember_han_runs(tokens, positive);
    if (positions.empty()) return Xapian::Query();
    if (positions.size() == 1) {
      const Token& token = *positions.begin()->second.front();
      std::vector<std::string> alternatives(token.forms);
      // Each term once: a repeated subquery would count twice here but not over remote shards
      // (Xapian's remote backend merges them), and sharded answers must equal single ones.
      const auto has = [&alternatives](const std::string& term) {
        return std::find(alternatives.begin(), alternatives.end(), term) != alternatives.end();
      };
      if (widening == Widening::kStems) {
        for (const auto& root : token.stems) {
          std::string stem_term = schema::term(schema::kStemPrefix, root);
          if (!has(stem_term)) alternatives.push_back(std::move(stem_term));
          // Documents have no Z term for words that are their own stem, only the unprefixed
          // form (document_builder.cc). A root already among the alternatives (the query word
          // is its stem) needs no analysis.
          if (!has(root) && is_own_stem(root)) alternatives.push_back(root);
        }
        const NumberPair pair = number_pair(token, widening);
        for (const auto& form : pair.forms) {
          if (!has(form)) alternatives.push_back(form);
        }
        for (const auto& root : pair.stems) {
          std::string stem_term = schema::term(schema::kStemPrefix, root);
          if (!has(stem_term)) alternatives.push_back(std::move(stem_term));
        }
      }
      return synonym_of(alternatives);
    }
    std::vector<Xapian::Query> sequence;
    for (const auto& [position, at_position] : positions) {
      sequence.push_back(position_query(at_position, widening));
    }
    // Adjacent Han characters are indexed as bigram terms too (schema/han_bigrams.h).
    std::vector<Xapian::Query> required;
    for (const std::string& bigram : schema::han_bigrams(tokens)) required.emplace_back(bigram);
    if (sequence.size() == 2 && required.size() == 1) return required.front();  // the phrase
    required.emplace_back(Xapian::Query::OP_PHRASE, sequence.begin(), sequence.end(),
                          static_cast<Xapian::termcount>(sequence.size()));
    if (required.size() == 1) return required.front();
    // Xapian checks the phrase's positions only in documents that have every bigram.
    return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  }

  Xapian::Query exact(const std::string& text, bool positive) {
    out_.has_exact = true;
    const std::vector<Token> tokens = analyzer_.analyze(text, language_);
    std::vector<Xapian::Query> required;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kHanWord) continue;
      remember(token, positive);
      // Documents have an exact term only where it differs from the folded form (see
      // document_builder.cc): an unaccented word is looked up as its unprefixed form.
      const bool folded_alike = !token.forms.empty() && token.exact == token.forms.front();
      required.emplace_back(folded_alike ? token.exact
                                         : schema::term(schema::kExactPrefix, token.exact));
    }
    if (required.empty()) return Xapian::Query();
    if (required.size() == 1) return required[0];
    return Xapian::Query(Xapian::Query::OP_AND, words(text, positive, Widening::kNone),
                         Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()));
  }

  Result<Xapian::Query> either(const QueryNode& node, bool positive) {
    std::vector<Xapian::Query> operands;
    for (const QueryNode& child : node.children) {
      Result<Xapian::Query> operand = build(child, positive);
      if (!operand.is_ok()) return operand;
      if (!operand->empty()) operands.push_back(*operand);
    }
    return Xapian::Query(Xapian::Query::OP_OR, operands.begin(), operands.end());
  }

  Result<Xapian::Query> all(const QueryNode& node, bool positive) {
    std::vector<Xapian::Query> required;
    std::vector<Xapian::Query> excluded;
    for (const QueryNode& child : node.children) {
      const bool negated = child.kind == QueryNode::Kind::kNot;
      Result<Xapian::Query> operand = build(child, positive && !negated);
      if (!operand.is_ok()) return operand;
      if (operand->empty()) continue;
      (negated ? excluded : required).push_back(*operand);
    }
    if (required.empty() && !excluded.empty()) {
      return invalid_argument(std::string(kOnlyExclusions.message));
    }
    Xapian::Query query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (excluded.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                         Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }

  analysis::Analyzer& analyzer_;
  analysis::Language language_;
  StemSiblings* siblings_;
  BuiltQuery& out_;
  std::map<std::string, NumberPair> number_pairs_;  // by folded form
};

}  // namespace

Result<BuiltQuery> build_query(const QueryNode& tree, analysis::Analyzer& analyzer,
                               analysis::Language language, StemSiblings* siblings) {
  BuiltQuery built;
  Builder builder(analyzer, language, siblings, built);
  Result<Xapian::Query> query = builder.build(tree, true);
  if (!query.is_ok()) return query.status();
  built.query = *query;
  return built;
}

}  // namespace jil::search
