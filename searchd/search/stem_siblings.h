// The library's forms of a stem: the index's unprefixed terms that start with the stem and that
// the analyzer stems to it ("judges", "judged", "judging" for "judg"). Phrases use them at each
// position (documents index stems without positions) and snippets to find a word's relatives.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace jil::search {

// Index terms read per stem, and candidates among them analyzed: terms that start with a short
// stem are many ("act": actas, actividad, ...), and most are longer words of their own.
inline constexpr size_t kMaxStemTermsRead = 256;
inline constexpr size_t kMaxStemFormsChecked = 32;
// A form is a candidate only when it is at most this many bytes longer than its stem: the
// longest inflections of the six languages ("-ениями", "-amientos") fit.
inline constexpr size_t kMaxInflectionBytes = 12;

class StemSiblings {
 public:
  StemSiblings(const Xapian::Database& database, analysis::Analyzer& analyzer)
      : database_(database), analyzer_(analyzer) {}

  // The index's forms with stem `stem` in `language` (kUnd: in any language of its script), in
  // term order (the stem itself when it is a word of its own stem). Forms whose stem is not a
  // prefix of them are not found (irregular and Arabic broken plurals); an Arabic word with an
  // attached conjunction or article is indexed without it too, so its bare form is found.
  const std::vector<std::string>& forms(const std::string& stem, analysis::Language language);

 private:
  bool has_stem(const std::string& form, const std::string& stem, analysis::Language language);

  const Xapian::Database& database_;
  analysis::Analyzer& analyzer_;
  std::map<std::pair<analysis::Language, std::string>, std::vector<std::string>> known_;
};

}  // namespace jil::search
