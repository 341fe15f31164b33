// The text files of corpus/ with their folder's language: real text in six languages for the
// analysis tests that compare two ways of analyzing it.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/language.h"

namespace jil::analysis {

struct CorpusText {
  std::string text;
  Language language;
};

// The Markdown, plain text and HTML (read as text) files of corpus/, by folder language.
inline std::vector<CorpusText> corpus_texts() {
  const std::filesystem::path root = std::filesystem::path(JIL_SOURCE_DIR) / "corpus";
  const std::vector<std::pair<std::string, Language>> folders = {
      {"en", Language::kEn}, {"fr", Language::kFr}, {"es", Language::kEs},
      {"ru", Language::kRu}, {"ar", Language::kAr}, {"zh", Language::kZh}};
  std::vector<CorpusText> texts;
  for (const auto& [folder, language] : folders) {
    for (const auto& entry : std::filesystem::directory_iterator(root / folder)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".txt" && extension != ".md" && extension != ".html") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      texts.push_back({bytes.str(), language});
    }
  }
  return texts;
}

}  // namespace jil::analysis
