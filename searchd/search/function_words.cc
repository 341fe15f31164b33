// The function-word lists of function_words.h, folded (no accents, ё as е, Arabic hamza seats
// and alef maqsura as the analyzer writes them); FunctionWords.EachIsItsOwnFolding checks that
// every entry is what the analyzer makes of it.
#include "search/function_words.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace jil::search {
namespace {

using analysis::Language;

// "will" and "can" are left out: nouns of their own in legal texts (a will).
constexpr std::string_view kEnglish[] = {
    "a",     "about", "all",   "also", "an",    "and",   "any",    "are",   "as",    "at",
    "be",    "been",  "being", "both", "but",   "by",    "could",  "did",   "do",    "does",
    "each",  "for",   "from",  "had",  "has",   "have",  "he",     "her",   "here",  "him",
    "his",   "i",     "if",    "in",   "into",  "is",    "it",     "its",   "may",   "me",
    "might", "must",  "my",    "no",   "nor",   "not",   "of",     "on",    "onto",  "or",
    "other", "our",   "over",  "per",  "shall", "she",   "should", "so",    "such",  "than",
    "that",  "the",   "their", "them", "there", "these", "they",   "this",  "those", "to",
    "under", "upon",  "us",    "via",  "was",   "we",    "were",   "what",  "when",  "where",
    "which", "while", "who",   "whom", "whose", "with",  "within", "would", "you",   "your"};
constexpr std::string_view kFrench[] = {
    "a",    "au",    "aux",  "avec", "ce",   "ces",  "cet",  "cette", "chez", "comme",
    "dans", "de",    "des",  "donc", "dont", "du",   "elle", "elles", "en",   "entre",
    "est",  "et",    "etre", "eux",  "il",   "ils",  "je",   "la",    "le",   "les",
    "leur", "leurs", "lui",  "mais", "ne",   "ni",   "nous", "on",    "ont",  "ou",
    "par",  "pas",   "pour", "qui",  "que",  "quoi", "sa",   "sans",  "se",   "ses",
    "si",   "son",   "sont", "sous", "sur",  "un",   "une",  "vers",  "vous", "y"};
constexpr std::string_view kSpanish[] = {
    "a",     "al",   "aquel", "como",  "con", "cual", "cuando", "de",   "del",   "donde", "e",
    "el",    "en",   "entre", "era",   "es",  "esa",  "esas",   "ese",  "eso",   "esos",  "esta",
    "estas", "este", "esto",  "estos", "fue", "ha",   "han",    "la",   "las",   "le",    "les",
    "lo",    "los",  "mas",   "me",    "mi",  "muy",  "ni",     "no",   "nos",   "o",     "para",
    "pero",  "por",  "que",   "quien", "se",  "ser",  "si",     "sin",  "sobre", "son",   "su",
    "sus",   "te",   "tu",    "u",     "un",  "una",  "unas",   "unos", "y",     "ya"};
constexpr std::string_view kRussian[] = {
    "а",   "без",   "бы",    "был", "была",  "были", "было", "быть", "в",   "вам",   "вас",
    "во",  "все",   "вы",    "где", "да",    "для",  "до",   "его",  "ее",  "если",  "есть",
    "же",  "за",    "и",     "из",  "или",   "им",   "их",   "к",    "как", "когда", "ко",
    "ли",  "между", "мы",    "на",  "над",   "не",   "но",   "о",    "об",  "он",    "она",
    "они", "оно",   "от",    "по",  "под",   "при",  "про",  "с",    "со",  "так",   "также",
    "то",  "у",     "через", "что", "чтобы", "это",  "этот", "я"};
constexpr std::string_view kArabic[] = {
    "او",  "اذا", "الي", "التي", "الذي", "الذين", "ان",  "اي", "بعد", "بين",  "ثم", "حتي",
    "ذلك", "عن",  "عند", "علي",  "غير",  "في",    "قبل", "قد", "كان", "كانت", "كل", "لا",
    "لم",  "لن",  "ما",  "مع",   "من",   "هذا",   "هذه", "هو", "هي",  "هم",   "و"};

constexpr Language kListed[] = {Language::kEn, Language::kFr, Language::kEs, Language::kRu,
                                Language::kAr};

// One set per kListed language, built at first use.
const std::array<std::unordered_set<std::string_view>, std::size(kListed)>& sets() {
  static const auto built = [] {
    std::array<std::unordered_set<std::string_view>, std::size(kListed)> out;
    for (size_t index = 0; index < out.size(); ++index) {
      const auto words = function_words(kListed[index]);
      out[index].insert(words.begin(), words.end());
    }
    return out;
  }();
  return built;
}

}  // namespace

bool is_function_word(std::string_view folded, Language language) {
  const auto listed = std::find(std::begin(kListed), std::end(kListed), language);
  if (listed != std::end(kListed)) return sets()[listed - std::begin(kListed)].count(folded) > 0;
  return std::any_of(sets().begin(), sets().end(),
                     [folded](const auto& set) { return set.count(folded) > 0; });
}

std::span<const std::string_view> function_words(Language language) {
  switch (language) {
    case Language::kEn:
      return kEnglish;
    case Language::kFr:
      return kFrench;
    case Language::kEs:
      return kSpanish;
    case Language::kRu:
      return kRussian;
    case Language::kAr:
      return kArabic;
    default:
      return {};
  }
}

}  // namespace jil::search
