// jil-analysis-bench: the shared analyzer's CPU time over a corpus, per language, so that a
// change to indexer/analysis can be compared before/after without Xapian or extraction in the
// figures. Prints one JSON line per language and round. Built only on request:
// `cmake --build build/release --target jil-analysis-bench`.
//
//   jil-analysis-bench CORPUS_DIR [ROUNDS]
// CORPUS_DIR holds one folder per language code (ar, en, es, fr, ru, zh), as tools/bench's
// generator writes it; every .txt file is analysed in its folder's language.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace {

using jil::analysis::Language;

std::map<Language, std::vector<std::string>> read_corpus(const std::filesystem::path& root) {
  std::map<Language, std::vector<std::filesystem::path>> files;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    const auto language = jil::analysis::parse_language(folder.path().filename().string());
    if (!folder.is_directory() || !language) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.path())) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        files[*language].push_back(entry.path());
      }
    }
  }
  std::map<Language, std::vector<std::string>> texts;
  for (auto& [language, paths] : files) {
    std::sort(paths.begin(), paths.end());  // the same order in every run
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      texts[language].push_back(text.str());
    }
  }
  return texts;
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: jil-analysis-bench CORPUS_DIR [ROUNDS]\n";
    return 2;
  }
  const auto texts = read_corpus(argv[1]);
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 2;
  auto analyzer = jil::analysis::Analyzer::create();
  if (!analyzer.is_ok()) {
    std::cerr << analyzer.status().message() << "\n";
    return 1;
  }
  for (int round = 0; round < rounds; ++round) {
    for (const auto& [language, documents] : texts) {
      size_t tokens = 0;
      size_t bytes = 0;
      const double start = cpu_seconds();
      for (const std::string& text : documents) {
        tokens += (*analyzer)->analyze(text, language).size();
        bytes += text.size();
      }
      const double spent = cpu_seconds() - start;
      std::cout << "{\"round\": " << round << ", \"language\": \""
                << jil::analysis::language_code(language)
                << "\", \"documents\": " << documents.size() << ", \"bytes\": " << bytes
                << ", \"tokens\": " << tokens << ", \"cpu_s\": " << spent
                << ", \"cpu_ms_per_document\": " << spent * 1000 / documents.size()
                << ", \"cpu_ns_per_token\": " << (tokens ? spent * 1e9 / tokens : 0) << "}\n";
    }
  }
  std::cout << "{\"remembered_words\": " << (*analyzer)->remembered_words()
            << ", \"remembered_bytes\": " << (*analyzer)->remembered_bytes() << "}\n";
  return 0;
}
