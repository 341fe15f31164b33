// A recursive-descent parser over a small lexeme list; depth and size are capped first.
#include "search/query_syntax.h"

#include "search/query_errors.h"

namespace jil::search {
namespace {

struct Lexeme {
  enum class Kind { kWord, kPhrase, kExact, kMinus, kOr, kOpen, kClose };
  Kind kind;
  std::string text;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Unicode spaces that people paste: no-break, ideographic; folded to ASCII space.
std::string with_ascii_spaces(std::string_view query) {
  std::string out;
  for (size_t index = 0; index < query.size(); ++index) {
    if (query.substr(index, 2) == "\xC2\xA0") {
      out += ' ';
      ++index;
    } else if (query.substr(index, 3) == "\xE3\x80\x80") {
      out += ' ';
      index += 2;
    } else {
      out += query[index];
    }
  }
  return out;
}

Result<std::vector<Lexeme>> lex(std::string_view query) {
  std::vector<Lexeme> lexemes;
  size_t index = 0;
  while (index < query.size()) {
    const char c = query[index];
    if (is_space(c)) {
      ++index;
    } else if (c == '"') {
      const size_t close = query.find('"', index + 1);
      if (close == std::string_view::npos) {
        return invalid_argument(std::string(kUnterminatedPhrase.message));
      }
      lexemes.push_back(
          {Lexeme::Kind::kPhrase, std::string(query.substr(index + 1, close - index - 1))});
      index = close + 1;
    } else if (c == '(' || c == ')') {
      lexemes.push_back({c == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose, ""});
      ++index;
    } else if (c == '-' && (lexemes.empty() || index == 0 || is_space(query[index - 1]) ||
                            query[index - 1] == '(')) {
      lexemes.push_back({Lexeme::Kind::kMinus, ""});
      ++index;
    } else {
      size_t end = index;
      while (end < query.size() && !is_space(query[end]) && query[end] != '"' &&
             query[end] != '(' && query[end] != ')') {
        ++end;
      }
      std::string word(query.substr(index, end - index));
      if (word == "OR") {
        lexemes.push_back({Lexeme::Kind::kOr, ""});
      } else if (word.size() > 1 && word[0] == '=') {
        lexemes.push_back({Lexeme::Kind::kExact, word.substr(1)});
      } else {
        lexemes.push_back({Lexeme::Kind::kWord, std::move(word)});
      }
      index = end;
    }
  }
  return lexemes;
}

class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  Result<QueryNode> parse() {
    Result<QueryNode> tree = parse_or(0);
    if (!tree.is_ok()) return tree;
    if (next_ < lexemes_.size()) return invalid_argument(std::string(kUnbalancedClose.message));
    return tree;
  }

 private:
  bool at(Lexeme::Kind kind) const {
    return next_ < lexemes_.size() && lexemes_[next_].kind == kind;
  }

  Result<QueryNode> parse_or(int depth) {
    if (depth > kMaxQueryDepth) {
      return limit_exceeded("the query nests brackets deeper than " +
                            std::to_string(kMaxQueryDepth) + " levels");
    }
    if (at(Lexeme::Kind::kOr)) return invalid_argument(std::string(kOrWithoutWord.message));
    QueryNode either{QueryNode::Kind::kOr, "", {}};
    while (true) {
      Result<QueryNode> operand = parse_and(depth);
      if (!operand.is_ok()) return operand;
      either.children.push_back(std::move(operand).value());
      if (!at(Lexeme::Kind::kOr)) break;
      ++next_;
      if (next_ == lexemes_.size() || at(Lexeme::Kind::kOr) || at(Lexeme::Kind::kClose)) {
        return invalid_argument(std::string(kOrWithoutWord.message));
      }
    }
    if (either.children.size() == 1) return std::move(either.children[0]);
    return either;
  }

  Result<QueryNode> parse_and(int depth) {
    QueryNode all{QueryNode::Kind::kAnd, "", {}};
    while (next_ < lexemes_.size() && !at(Lexeme::Kind::kOr) && !at(Lexeme::Kind::kClose)) {
      Result<QueryNode> operand = parse_unary(depth);
      if (!operand.is_ok()) return operand;
      all.children.push_back(std::move(operand).value());
    }
    return all;
  }

  Result<QueryNode> parse_unary(int depth) {
    if (!at(Lexeme::Kind::kMinus)) return parse_primary(depth);
    ++next_;
    if (next_ == lexemes_.size() || at(Lexeme::Kind::kMinus) || at(Lexeme::Kind::kOr) ||
        at(Lexeme::Kind::kClose)) {
      return invalid_argument(std::string(kMinusWithoutWord.message));
    }
    Result<QueryNode> excluded = parse_primary(depth);
    if (!excluded.is_ok()) return excluded;
    return QueryNode{QueryNode::Kind::kNot, "", {std::move(excluded).value()}};
  }

  Result<QueryNode> parse_primary(int depth) {
    const Lexeme& lexeme = lexemes_[next_++];
    switch (lexeme.kind) {
      case Lexeme::Kind::kWord:
        return QueryNode{QueryNode::Kind::kWord, lexeme.text, {}};
      case Lexeme::Kind::kPhrase:
        return QueryNode{QueryNode::Kind::kPhrase, lexeme.text, {}};
      case Lexeme::Kind::kExact:
        return QueryNode{QueryNode::Kind::kExact, lexeme.text, {}};
      case Lexeme::Kind::kOpen: {
        Result<QueryNode> inner = parse_or(depth + 1);
        if (!inner.is_ok()) return inner;
        if (!at(Lexeme::Kind::kClose))
          return invalid_argument(std::string(kUnbalancedOpen.message));
        ++next_;
        return inner;
      }
      default:
        return invalid_argument(std::string(kUnexpectedOperator.message));
    }
  }

  std::vector<Lexeme> lexemes_;
  size_t next_ = 0;
};

}  // namespace

Result<QueryNode> parse_query(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return limit_exceeded("the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  Result<std::vector<Lexeme>> lexemes = lex(with_ascii_spaces(query));
  if (!lexemes.is_ok()) return lexemes.status();
  size_t terms = 0;
  for (const Lexeme& lexeme : *lexemes) {
    if (lexeme.kind == Lexeme::Kind::kWord || lexeme.kind == Lexeme::Kind::kPhrase ||
        lexeme.kind == Lexeme::Kind::kExact) {
      ++terms;
    }
  }
  if (terms > kMaxQueryTerms) {
    return limit_exceeded("the query has more than " + std::to_string(kMaxQueryTerms) +
                          " words and phrases");
  }
  return Parser(std::move(lexemes).value()).parse();
}

std::string describe(const QueryNode& node) {
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      return "word:" + node.text;
    case QueryNode::Kind::kPhrase:
      return "phrase:" + node.text;
    case QueryNode::Kind::kExact:
      return "exact:" + node.text;
    default:
      break;
  }
  std::string out = node.kind == QueryNode::Kind::kAnd  ? "AND("
                    : node.kind == QueryNode::Kind::kOr ? "OR("
                                                        : "NOT(";
  for (size_t index = 0; index < node.children.size(); ++index) {
    out += (index ? ", " : "") + describe(node.children[index]);
  }
  return out + ")";
}

}  // namespace jil::search
