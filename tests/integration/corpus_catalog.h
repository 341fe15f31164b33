// What the sample corpus holds, read straight from its sidecars, so that tests compare search
// results with the corpus itself rather than with numbers copied into the tests.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace jil::integration {

struct CorpusDocument {
  std::string id;
  std::string title;
  std::string language;
  std::string type;
  std::filesystem::path original;  // the document file beside its sidecar
};

class CorpusCatalog {
 public:
  // Reads every `<file>.json` sidecar under `corpus` (vocabularies.json is not a sidecar).
  // Unreadable sidecars are reported in `error` and left out.
  static CorpusCatalog load(const std::filesystem::path& corpus, std::string& error);

  const std::vector<CorpusDocument>& documents() const { return documents_; }
  // The document with this id; aborts the test program if there is none (a test typo).
  const CorpusDocument& document(const std::string& id) const;
  std::set<std::string> ids_where(
      const std::function<bool(const CorpusDocument&)>& predicate) const;

 private:
  std::vector<CorpusDocument> documents_;
};

}  // namespace jil::integration
