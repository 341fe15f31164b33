// Tables behind language.h.
#include "analysis/language.h"

#include <array>

namespace jil::analysis {
namespace {

struct LanguageInfo {
  Language language;
  std::string_view code;
  const char* locale;
  const char* stemmer;
};

constexpr std::array<LanguageInfo, 7> kLanguages{{
    {Language::kUnd, "und", "root", ""},
    {Language::kAr, "ar", "ar", "arabic"},
    {Language::kEn, "en", "en", "english"},
    {Language::kEs, "es", "es", "spanish"},
    {Language::kFr, "fr", "fr", "french"},
    {Language::kRu, "ru", "ru", "russian"},
    {Language::kZh, "zh", "zh", ""},
}};

constexpr std::array<Language, 6> kAnalyzed{Language::kAr, Language::kEn, Language::kEs,
                                            Language::kFr, Language::kRu, Language::kZh};

const LanguageInfo& info(Language language) {
  for (const auto& entry : kLanguages) {
    if (entry.language == language) return entry;
  }
  return kLanguages[0];
}

}  // namespace

std::span<const Language> all_languages() { return kAnalyzed; }

std::optional<Language> parse_language(std::string_view code) {
  if (code == "zh-Hans" || code == "zh-Hant") return Language::kZh;
  for (const auto& entry : kLanguages) {
    if (entry.code == code) return entry.language;
  }
  return std::nullopt;
}

std::string_view language_code(Language language) { return info(language).code; }
const char* icu_locale(Language language) { return info(language).locale; }
const char* stemmer_name(Language language) { return info(language).stemmer; }

}  // namespace jil::analysis
