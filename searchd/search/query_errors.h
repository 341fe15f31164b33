// The messages of a malformed query that a reader can cause by typing, each with the key of its
// text in web/i18n ("query_error_" + key), so that the page says it in the interface language;
// the API's problem documents keep the English message.
#pragma once

#include <array>
#include <string_view>

namespace jil::search {

struct QueryError {
  std::string_view key;
  std::string_view message;
};

inline constexpr QueryError kUnterminatedPhrase = {
    "unterminated_phrase", "unterminated phrase: add a closing \" to the query"};
inline constexpr QueryError kUnbalancedClose = {"unbalanced_close", "unbalanced ')' in the query"};
inline constexpr QueryError kUnbalancedOpen = {"unbalanced_open", "unbalanced '(' in the query"};
inline constexpr QueryError kOrWithoutWord = {"or_without_word", "OR needs a word on each side"};
inline constexpr QueryError kMinusWithoutWord = {
    "minus_without_word", "'-' must be followed by the word or phrase to exclude"};
inline constexpr QueryError kUnexpectedOperator = {"unexpected_operator",
                                                   "unexpected operator in the query"};
inline constexpr QueryError kOnlyExclusions = {
    "only_exclusions", "the query only excludes words: add a word to search for"};

inline constexpr std::array<QueryError, 7> kQueryErrors = {
    kUnterminatedPhrase, kUnbalancedClose,    kUnbalancedOpen, kOrWithoutWord,
    kMinusWithoutWord,   kUnexpectedOperator, kOnlyExclusions};

// The key of `message` when it is one of kQueryErrors, else empty.
constexpr std::string_view query_error_key(std::string_view message) {
  for (const QueryError& error : kQueryErrors) {
    if (error.message == message) return error.key;
  }
  return {};
}

}  // namespace jil::search
