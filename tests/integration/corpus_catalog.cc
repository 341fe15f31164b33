// Implementation of corpus_catalog.h with nlohmann::json.
#include "corpus_catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace jil::integration {

CorpusCatalog CorpusCatalog::load(const std::filesystem::path& corpus, std::string& error) {
  CorpusCatalog catalog;
  std::error_code walk_error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus, walk_error)) {
    const std::filesystem::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != ".json") continue;
    std::filesystem::path original = path;
    original.replace_extension();  // "x.md.json" → "x.md"
    if (!original.has_extension() || !std::filesystem::exists(original)) continue;
    std::ifstream input(path);
    std::stringstream text;
    text << input.rdbuf();
    const nlohmann::json sidecar = nlohmann::json::parse(text.str(), nullptr, false);
    if (sidecar.is_discarded() || !sidecar.is_object()) {
      error += "unreadable sidecar " + path.string() + "\n";
      continue;
    }
    CorpusDocument document;
    document.id = sidecar.value("id", "");
    document.title = sidecar.value("title", "");
    document.language = sidecar.value("language", "");
    document.type = sidecar.value("type", "");
    document.original = original;
    catalog.documents_.push_back(std::move(document));
  }
  if (walk_error) error += "cannot read " + corpus.string() + ": " + walk_error.message() + "\n";
  std::sort(catalog.documents_.begin(), catalog.documents_.end(),
            [](const CorpusDocument& a, const CorpusDocument& b) { return a.id < b.id; });
  return catalog;
}

const CorpusDocument& CorpusCatalog::document(const std::string& id) const {
  for (const auto& document : documents_) {
    if (document.id == id) return document;
  }
  std::fprintf(stderr, "integration tests: no corpus document with id '%s'\n", id.c_str());
  std::abort();
}

std::set<std::string> CorpusCatalog::ids_where(
    const std::function<bool(const CorpusDocument&)>& predicate) const {
  std::set<std::string> ids;
  for (const auto& document : documents_) {
    if (predicate(document)) ids.insert(document.id);
  }
  return ids;
}

}  // namespace jil::integration
