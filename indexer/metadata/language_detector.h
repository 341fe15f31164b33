// Decides the language of a text that no metadata names (issue 4 item 2): the script first
// (Arabic → ar, Han → zh with Hans or Hant, Cyrillic → ru), then CLD2's statistical detector for
// Latin script, restricted to the three Latin-script languages JIL has (en, fr, es). Gives a
// confidence from 0 to 1 and how it decided; metadata_resolver.cc refuses detections below
// kMinLanguageConfidence. Not thread-safe (ICU transliterators); one per ingest run.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analysis/chinese_folding.h"
#include "analysis/language.h"
#include "base/status.h"

namespace jil::metadata {

// Below this, a detected language is not trusted: the file fails unless metadata names it.
inline constexpr double kMinLanguageConfidence = 0.5;
// Detection reads at most this much of the text (the start of a document says enough).
inline constexpr size_t kMaxDetectionBytes = 64 * 1024;
// Fewer letters than this and no detector is trusted: the confidence is scaled down.
inline constexpr int kLettersForFullConfidence = 200;

struct LanguageDetection {
  analysis::Language language = analysis::Language::kUnd;
  std::string script;       // "Hans" or "Hant" for Chinese, else ""
  double confidence = 0.0;  // 0–1
  std::string method;       // "script", "cld2", or "none" (no letters)
  std::string detail;       // for messages: "cld2 says fr (62% of the text), not reliable"
};

class LanguageDetector {
 public:
  static Result<std::unique_ptr<LanguageDetector>> create();

  LanguageDetection detect(std::string_view utf8_text);
  // "Hans" or "Hant" for Han text, by which characters a Traditional↔Simplified transform
  // changes; "Hans" when neither kind is present. `confidence` gets the share of the winner.
  std::string chinese_script(std::string_view utf8_text, double& confidence);

 private:
  LanguageDetector(std::unique_ptr<analysis::ChineseFolding> to_simplified,
                   std::unique_ptr<icu::Transliterator> to_traditional)
      : to_simplified_(std::move(to_simplified)), to_traditional_(std::move(to_traditional)) {}
  bool changes_to_traditional(UChar32 c);

  std::unique_ptr<analysis::ChineseFolding> to_simplified_;
  std::unique_ptr<icu::Transliterator> to_traditional_;
  std::unordered_map<UChar32, bool> traditional_cache_;
};

}  // namespace jil::metadata
