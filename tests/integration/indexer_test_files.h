// Helpers shared by the indexer_*_test.cc integration tests: generated source folders, runs of
// the real jil-indexer, a private jil-searchd per index, and a canonical snapshot of an index
// (every document's docid, data, values and terms) to show two indexes are the same.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "child_process.h"

namespace jil::integration {

// indexer/ingest/exit_codes.h
inline constexpr int kIndexerOk = 0;
inline constexpr int kIndexerSomeFailed = 1;
inline constexpr int kIndexerFatal = 3;
inline constexpr int kIndexerLocked = 4;

void write_bytes(const std::filesystem::path& path, const std::string& bytes);
std::string read_bytes(const std::filesystem::path& path);
std::string sha256_hex_of(const std::string& bytes);
// Every file under `folder` (relative path → sha256), to show a folder was left as it was.
std::map<std::string, std::string> folder_sha256s(const std::filesystem::path& folder);

// A valid sidecar for a document of `language` (en, fr, es, ru, ar, zh).
nlohmann::json sidecar_json(const std::string& id, const std::string& language = "en");
// Writes `name` with `text` and its sidecar `name.json`.
void write_source_document(const std::filesystem::path& folder, const std::string& name,
                           const std::string& text, const nlohmann::json& sidecar);
// Writes `count` small text documents in the six languages, ids `<prefix>-0000`…, each with the
// word `<prefix>word<N>` so that it can be found alone.
void write_generated_documents(const std::filesystem::path& folder, const std::string& prefix,
                               size_t count);
// The word that only document `number` of write_generated_documents contains.
std::string generated_word(const std::string& prefix, size_t number);

// jil-indexer with these arguments (stdout and stderr captured).
ProgramResult run_indexer(const std::vector<std::string>& arguments,
                          std::chrono::seconds limit = std::chrono::seconds(300));
// `index --db INDEX --store STORE [extra...] SOURCE...`
ProgramResult index_folders(const std::filesystem::path& index, const std::filesystem::path& store,
                            const std::vector<std::filesystem::path>& sources,
                            const std::vector<std::string>& extra = {});
// stdout of a --json run, parsed (a failure when it is not a JSON object).
nlohmann::json json_of(const ProgramResult& result);

// A jil-searchd serving one index on a free 127.0.0.1 port, stopped (SIGTERM) on destruction.
class PrivateSearchd {
 public:
  // Starts it (with `extra` options) and waits for its listening line; port() is 0 when that
  // failed (see error()).
  PrivateSearchd(const std::filesystem::path& index, const std::filesystem::path& store,
                 const std::vector<std::string>& extra = {});
  ~PrivateSearchd();
  unsigned short port() const { return port_; }
  pid_t pid() const { return process_.pid(); }
  const std::string& error() const { return error_; }
  // GET `target`; the parsed JSON body (null when not 200 or not JSON).
  nlohmann::json get_json(const std::string& target) const;

 private:
  ServerProcess process_;
  unsigned short port_ = 0;
  std::string error_;
};

// docid → canonical text of the document (data, values, terms with wdf and positions), read
// straight from the index with Xapian.
std::map<unsigned, std::string> index_snapshot(const std::filesystem::path& index);

}  // namespace jil::integration
