// Implementation of the shared analyzer: ICU segmentation, then per word folding, variants and
// stems; Han text becomes one token per character plus the dictionary words over them.
#include "analysis/analyzer.h"

#include <unicode/uscript.h>

#include <algorithm>

#include "analysis/arabic_broken_plurals.h"
#include "analysis/arabic_folding.h"
#include "analysis/french_elision.h"

namespace jil::analysis {
namespace {

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status);
}

// The languages whose stemmer applies to a word of `script` in a text of `language`.
std::vector<Language> stem_languages(UScriptCode script, Language language) {
  switch (script) {
    case USCRIPT_LATIN:
      if (language == Language::kEn || language == Language::kFr || language == Language::kEs) {
        return {language};
      }
      return {Language::kEn, Language::kFr, Language::kEs};
    case USCRIPT_CYRILLIC:
      return {Language::kRu};
    case USCRIPT_ARABIC:
      return {Language::kAr};
    default:
      return {};
  }
}

// Whether `c` rides on the character before it in a Han run (a combining or non-spacing mark,
// a variation selector) rather than being a character of its own.
bool rides_on_previous(UChar32 c) {
  return u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK ||
         u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR);
}

}  // namespace

Result<std::unique_ptr<Analyzer>> Analyzer::create() {
  auto folding = TokenFolding::create();
  if (!folding.is_ok()) return folding.status();
  auto chinese = ChineseFolding::create();
  if (!chinese.is_ok()) return chinese.status();
  return std::unique_ptr<Analyzer>(
      new Analyzer(std::move(folding).value(), std::move(chinese).value()));
}

std::vector<Token> Analyzer::analyze(std::string_view utf8_text, Language language,
                                     const StemGate& gate, HanWords han_words) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
  std::vector<Token> tokens;
  uint32_t position = 0;
  const std::vector<WordSpan> spans = han_words == HanWords::kMake
                                          ? segmenter_.segment(text, language)
                                          : segmenter_.segment_han_as_runs(text, language);
  for (const WordSpan& span : spans) {
    const icu::UnicodeString word = text.tempSubStringBetween(span.utf16_begin, span.utf16_end);
    if (span.ideographic || is_han(word.char32At(0))) {
      add_han_tokens(word, span, han_words, position, tokens);
    } else if (gate.skims() &&
               gate.cannot_match(skimmable_first_letter(
                   std::u16string_view(word.getBuffer(), static_cast<size_t>(word.length())),
                   kMaxTermBytes))) {
      // A word that matches nothing the caller looks for: its place only (stem_gate.h).
      Token token;
      token.position = position++;
      token.utf8_begin = span.utf8_begin;
      token.utf8_end = span.utf8_end;
      tokens.push_back(std::move(token));
    } else {
      add_word_token(word, span, language, gate, position, tokens);
    }
  }
  return tokens;
}

void Analyzer::add_han_tokens(const icu::UnicodeString& word, const WordSpan& span,
                              HanWords han_words, uint32_t& position, std::vector<Token>& tokens) {
  const uint32_t first_position = position;
  uint32_t offset = span.utf8_begin;
  std::string simplified_word;
  int32_t characters = 0;
  for (int32_t index = 0; index < word.length(); index = word.moveIndex32(index, 1)) {
    const UChar32 c = word.char32At(index);
    const uint32_t width = static_cast<uint32_t>(U8_LENGTH(c));
    if (!tokens.empty() && characters > 0 && rides_on_previous(c)) {
      tokens.back().utf8_end += width;  // rides on the character before it
      offset += width;
      continue;
    }
    const HanCharacter& character = han_character(c);
    if (character.folded.empty()) {
      // Default-ignorable (a joiner, a byte order mark, a soft hyphen), which ICU keeps inside
      // the run: no character of its own. As a token it made an empty term, which Xapian
      // refuses, so the whole document failed to index.
      if (!tokens.empty() && characters > 0) tokens.back().utf8_end += width;
      offset += width;
      continue;
    }
    if (han_words == HanWords::kMake) simplified_word += character.folded;
    Token token;
    token.kind = TokenKind::kHanChar;
    token.position = position++;
    token.utf8_begin = offset;
    token.utf8_end = offset + width;
    token.forms.push_back(character.folded);
    token.exact = character.exact;
    tokens.push_back(std::move(token));
    offset += width;
    ++characters;
  }
  if (characters < 2 || han_words == HanWords::kSkip) return;
  Token whole;
  whole.kind = TokenKind::kHanWord;
  whole.position = first_position;
  whole.utf8_begin = span.utf8_begin;
  whole.utf8_end = span.utf8_end;
  whole.forms.push_back(std::move(simplified_word));
  whole.exact = to_utf8(folding_.case_fold(word));
  if (whole.forms[0].size() <= kMaxTermBytes && whole.exact.size() <= kMaxTermBytes)
    tokens.push_back(std::move(whole));
}

const Analyzer::HanCharacter& Analyzer::han_character(UChar32 c) {
  if (const auto known = han_characters_.find(c); known != han_characters_.end()) {
    return known->second;
  }
  if (han_characters_.size() >= kMaxHanCharactersRemembered) han_characters_.clear();
  const icu::UnicodeString exact = folding_.case_fold(icu::UnicodeString(c));
  const icu::UnicodeString folded = is_han(c) ? chinese_->simplified(c) : exact;
  return han_characters_.emplace(c, HanCharacter{to_utf8(folded), to_utf8(exact)}).first->second;
}

void Analyzer::add_word_token(const icu::UnicodeString& word, const WordSpan& span,
                              Language language, const StemGate& gate, uint32_t& position,
                              std::vector<Token>& tokens) {
  const std::u16string_view surface(word.getBuffer(), static_cast<size_t>(word.length()));
  std::optional<PackedWord> analyzed = words_.find(language, surface);
  if (!analyzed && words_.full(language)) {
    // The memory is full: this word is packed on its own, for this token only, stemmed only if
    // the gate wants its stems.
    const AnalyzedWord unremembered = analyze_word(word, language, gate);
    unremembered_.clear();
    pack_analysis(unremembered, unremembered_);
    analyzed.emplace(unremembered.takes_position, unremembered.makes_token, unremembered.script,
                     unremembered_.data());
  } else if (!analyzed) {
    analyzed =
        words_.remember(language, surface, analyze_word(word, language, StemGate::every_word()));
  }
  if (!analyzed->takes_position()) return;
  const uint32_t word_position = position++;
  if (!analyzed->makes_token()) return;  // too long: its position stays, as in the index
  Token token;
  token.kind = TokenKind::kWord;
  token.position = word_position;
  token.utf8_begin = span.utf8_begin;
  token.utf8_end = span.utf8_end;
  token.exact = analyzed->exact();
  const UScriptCode script = analyzed->script();
  analyzed->for_each_form([&](std::string_view form, PackedWord::PackedStrings stems) {
    token.forms.emplace_back(form);
    if (stems.empty() || !gate.wants(script, first_code_point(token.forms.back()))) return;
    stems.for_each([&token](std::string_view stem) {
      if (std::find(token.stems.begin(), token.stems.end(), stem) == token.stems.end()) {
        token.stems.emplace_back(stem);
      }
    });
  });
  tokens.push_back(std::move(token));
}

AnalyzedWord Analyzer::analyze_word(const icu::UnicodeString& word, Language language,
                                    const StemGate& gate) {
  AnalyzedWord analyzed;
  icu::UnicodeString case_folded = folding_.case_fold(word);
  const UChar32 first = case_folded.char32At(0);
  analyzed.script = script_of(first);
  if (analyzed.script == USCRIPT_LATIN) {
    if (language == Language::kFr || language == Language::kUnd) {
      case_folded = strip_french_elision(case_folded);
    }
    if (language == Language::kEn || language == Language::kUnd) {
      case_folded = strip_english_possessive(case_folded);
    }
  }
  const icu::UnicodeString folded = folding_.fold(case_folded);
  if (folded.isEmpty()) return analyzed;
  analyzed.takes_position = true;
  analyzed.forms.push_back(to_utf8(folded));
  analyzed.exact = to_utf8(case_folded);
  if (analyzed.forms[0].size() > kMaxTermBytes || analyzed.exact.size() > kMaxTermBytes) {
    return analyzed;
  }
  analyzed.makes_token = true;
  if (analyzed.script == USCRIPT_ARABIC) {
    // Look for proclitics before alef forms are unified: آل, أل, إل are not the article.
    for (const icu::UnicodeString& variant :
         arabic_clitic_variants(strip_arabic_marks(case_folded))) {
      std::string form = to_utf8(folding_.fold(variant));
      if (form.size() >= 2 &&
          std::find(analyzed.forms.begin(), analyzed.forms.end(), form) == analyzed.forms.end()) {
        analyzed.forms.push_back(std::move(form));
      }
    }
    // A broken plural (قضاة) also stands for its singular (قاضي), whose stem it does not share.
    const size_t own_forms = analyzed.forms.size();
    for (size_t index = 0; index < own_forms; ++index) {
      for (const std::string& singular : arabic_singulars_of(analyzed.forms[index])) {
        if (std::find(analyzed.forms.begin(), analyzed.forms.end(), singular) ==
            analyzed.forms.end()) {
          analyzed.forms.push_back(singular);
        }
      }
    }
  }
  // Every form is stemmed, so two tokens that share a form share a stem. Stems come from the
  // folded forms only: stemming the accented form too would make `égalité` match more than
  // `egalite`, and a judge typing without accents must get the same results.
  for (const std::string& form : analyzed.forms) {
    const bool stemmed = u_isalpha(first) && gate.wants(analyzed.script, first_code_point(form));
    analyzed.stems_of_form.push_back(stemmed ? stems_for(form, first, language)
                                             : std::vector<std::string>{});
  }
  return analyzed;
}

std::vector<std::string> Analyzer::stems_for(const std::string& folded, UChar32 first_letter,
                                             Language language) {
  std::vector<std::string> stems;
  for (Language stem_language : stem_languages(script_of(first_letter), language)) {
    auto found = stemmers_.find(stem_language);
    if (found == stemmers_.end()) {
      found = stemmers_.emplace(stem_language, Xapian::Stem(stemmer_name(stem_language))).first;
    }
    std::string stem = found->second(folded);
    if (!stem.empty() && std::find(stems.begin(), stems.end(), stem) == stems.end()) {
      stems.push_back(std::move(stem));
    }
  }
  return stems;
}

}  // namespace jil::analysis
