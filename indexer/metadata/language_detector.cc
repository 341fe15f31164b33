// Script counting (ICU uscript), Hans/Hant by ICU transforms, and CLD2 for Latin script.
#include "metadata/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"

namespace jil::metadata {
namespace {

using analysis::Language;

struct ScriptCounts {
  int arabic = 0;
  int han = 0;
  int cyrillic = 0;
  int latin = 0;
  int other = 0;
  int letters() const { return arabic + han + cyrillic + latin + other; }
};

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  int32_t index = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (index < length) {
    UChar32 c = 0;
    U8_NEXT(text.data(), index, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_ARABIC:
        ++counts.arabic;
        break;
      case USCRIPT_HAN:
        ++counts.han;
        break;
      case USCRIPT_CYRILLIC:
        ++counts.cyrillic;
        break;
      case USCRIPT_LATIN:
        ++counts.latin;
        break;
      default:
        ++counts.other;
    }
  }
  return counts;
}

// Short texts say little whatever their script: full confidence needs enough letters.
double length_factor(int letters) {
  return std::min(1.0, static_cast<double>(letters) / kLettersForFullConfidence);
}

std::string percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100);
  return buffer;
}

// CLD2 on Latin-script text, keeping only English, French and Spanish of its three guesses.
LanguageDetection detect_latin(std::string_view text, int letters) {
  CLD2::Language languages[3];
  int percents[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
                              languages, percents, &text_bytes, &reliable);
  LanguageDetection detection;
  detection.method = "cld2";
  int best_percent = 0;
  for (int index = 0; index < 3; ++index) {
    Language language = Language::kUnd;
    if (languages[index] == CLD2::ENGLISH) language = Language::kEn;
    if (languages[index] == CLD2::FRENCH) language = Language::kFr;
    if (languages[index] == CLD2::SPANISH) language = Language::kEs;
    if (language != Language::kUnd && percents[index] > best_percent) {
      best_percent = percents[index];
      detection.language = language;
    }
  }
  if (detection.language == Language::kUnd) {
    detection.detail = std::string("cld2 finds none of en, fr, es (it says ") +
                       CLD2::LanguageCode(languages[0]) + ")";
    return detection;
  }
  // An unreliable answer (CLD2's own judgement, e.g. close scores) counts for half.
  detection.confidence = best_percent / 100.0 * (reliable ? 1.0 : 0.5) * length_factor(letters);
  detection.detail = "cld2 says " + std::string(analysis::language_code(detection.language)) +
                     " for " + std::to_string(best_percent) + "% of the text" +
                     (reliable ? "" : ", not reliable") + ", " + std::to_string(letters) +
                     " letters";
  return detection;
}

}  // namespace

Result<std::unique_ptr<LanguageDetector>> LanguageDetector::create() {
  Result<std::unique_ptr<analysis::ChineseFolding>> folding = analysis::ChineseFolding::create();
  if (!folding.is_ok()) return folding.status();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_traditional(
      icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !to_traditional) {
    return internal_error(std::string("ICU Simplified-Traditional unavailable: ") +
                          u_errorName(status));
  }
  return std::unique_ptr<LanguageDetector>(
      new LanguageDetector(std::move(*folding), std::move(to_traditional)));
}

bool LanguageDetector::changes_to_traditional(UChar32 c) {
  const auto found = traditional_cache_.find(c);
  if (found != traditional_cache_.end()) return found->second;
  icu::UnicodeString converted(c);
  to_traditional_->transliterate(converted);
  const bool changes = converted != icu::UnicodeString(c);
  traditional_cache_.emplace(c, changes);
  return changes;
}

std::string LanguageDetector::chinese_script(std::string_view text, double& confidence) {
  int traditional = 0;  // characters only Traditional text uses (they change to Simplified)
  int simplified = 0;   // characters only Simplified text uses (they change to Traditional)
  int32_t index = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (index < length) {
    UChar32 c = 0;
    U8_NEXT(text.data(), index, length, c);
    if (c < 0 || !analysis::is_han(c)) continue;
    if (to_simplified_->simplified(c) != icu::UnicodeString(c)) {
      ++traditional;
    } else if (changes_to_traditional(c)) {
      ++simplified;
    }
  }
  const int decided = traditional + simplified;
  confidence =
      decided == 0 ? 0.0 : static_cast<double>(std::max(traditional, simplified)) / decided;
  return traditional > simplified ? "Hant" : "Hans";
}

LanguageDetection LanguageDetector::detect(std::string_view text) {
  text = text.substr(0, utf8::truncate_point(text, kMaxDetectionBytes));
  const ScriptCounts counts = count_scripts(text);
  const int letters = counts.letters();
  LanguageDetection detection;
  if (letters == 0) {
    detection.method = "none";
    detection.detail = "the text has no letters";
    return detection;
  }
  const int top = std::max({counts.arabic, counts.han, counts.cyrillic, counts.latin});
  if (top == counts.latin && counts.latin > 0) return detect_latin(text, letters);
  detection.method = "script";
  const double share = static_cast<double>(top) / letters;
  detection.confidence = share * length_factor(letters);
  std::string script_name;
  if (top == counts.arabic && top > 0) {
    detection.language = Language::kAr;
    script_name = "Arabic";
  } else if (top == counts.cyrillic && top > 0) {
    detection.language = Language::kRu;
    script_name = "Cyrillic";
  } else if (top == counts.han && top > 0) {
    detection.language = Language::kZh;
    double script_confidence = 0.0;
    detection.script = chinese_script(text, script_confidence);
    script_name = "Han (" + detection.script + ")";
  } else {
    detection.method = "none";
    detection.confidence = 0.0;
    detection.detail = "its letters are in none of the Arabic, Han, Cyrillic or Latin scripts";
    return detection;
  }
  detection.detail =
      percent(share) + " of " + std::to_string(letters) + " letters are " + script_name;
  return detection;
}

}  // namespace jil::metadata
