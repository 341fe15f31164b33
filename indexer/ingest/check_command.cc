// `jil-indexer check`: says whether an index and its store agree. Runs Xapian's own structure
// check, then for every document: its data parses, its original is in the store with the right
// sha256, and its stored record is there and matches (docid, fingerprint, original). Records
// without a document are disagreements (rebuild would bring them back); originals no record
// refers to, and temporary files left by an interrupted write, are listed for information.
// Read-only: it takes no lock and writes nothing.
#include <xapian.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/file_io.h"
#include "ingest/exit_codes.h"
#include "ingest/fingerprint.h"
#include "ingest/indexer_commands.h"
#include "ingest/indexer_options.h"
#include "ingest/stored_record.h"
#include "schema/compressed_block.h"
#include "schema/doc_record.h"
#include "schema/index_compatibility.h"
#include "schema/value_slots.h"
#include "store/content_store.h"
#include "store/record_store.h"

namespace jil::ingest {
namespace {

constexpr const char* kCheckUsage = "usage: jil-indexer check --db DIR --store DIR [--json]\n";

struct CheckReport {
  std::vector<std::string> problems;  // disagreements: each one precise line
  std::vector<std::string> notes;     // for information only
  size_t documents = 0;
  size_t records = 0;
  size_t originals = 0;
};

// Xapian's check of every table; its findings become problems.
void check_structure(const std::string& path, CheckReport& report) {
  std::ostringstream details;
  try {
    const size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHORT_TREE, &details);
    if (errors == 0) return;
    report.problems.push_back("index: Xapian's check found " + std::to_string(errors) +
                              " error(s)");
  } catch (const Xapian::Error& error) {
    report.problems.push_back("index: Xapian's check failed: " + error.get_description());
  }
  std::istringstream lines(details.str());
  for (std::string line; std::getline(lines, line);) {
    if (line.find("rror") != std::string::npos) report.problems.push_back("index: " + line);
  }
}

// Checks one document against the store; returns its original's hash ("" when unreadable).
std::string check_document(const Xapian::Document& document, Xapian::docid docid,
                           const store::ContentStore& store, const store::RecordStore& records,
                           schema::BlockDecompressor& decompressor, std::set<std::string>& ids,
                           CheckReport& report) {
  const std::string where = "document " + std::to_string(docid);
  Result<schema::DocRecord> data = schema::from_document_data(document.get_data(), decompressor);
  if (!data.is_ok()) {
    report.problems.push_back(where + ": " + data.status().message());
    return "";
  }
  const std::string label = where + " (" + data->id + ")";
  ids.insert(data->id);
  Result<std::filesystem::path> original = store.path_of(data->sha256);
  if (!original.is_ok()) {
    report.problems.push_back(label + ": original " + data->sha256 + " is missing from the store");
  } else {
    Result<std::string> bytes = read_file(*original, kMaxOriginalBytes);
    if (!bytes.is_ok()) {
      report.problems.push_back(label + ": " + bytes.status().message());
    } else if (store::sha256_hex(*bytes) != data->sha256) {
      report.problems.push_back(label + ": original " + original->string() +
                                " does not match its sha256 (damaged)");
    }
  }
  Result<std::string> text = records.get(data->id);
  if (!text.is_ok()) {
    report.problems.push_back(label + ": no stored record (" + text.status().message() + ")");
    return data->sha256;
  }
  Result<StoredRecord> stored = parse_stored_record(*text);
  if (!stored.is_ok()) {
    report.problems.push_back(label + ": stored record: " + stored.status().message());
  } else if (stored->docid != docid || stored->sha256 != data->sha256 ||
             !same_files(stored->fingerprint, document.get_value(schema::kFingerprintSlot))) {
    report.problems.push_back(label + ": stored record describes another version (docid " +
                              std::to_string(stored->docid) + ", original " + stored->sha256 + ")");
  }
  return data->sha256;
}

void check_index_against_store(const std::string& path, const store::ContentStore& store,
                               CheckReport& report) {
  const store::RecordStore records(store.root());
  std::set<std::string> ids;
  std::set<std::string> referenced;
  try {
    Xapian::Database database(path);
    if (Status status = schema::check_compatible(database); !status.is_ok()) {
      report.problems.push_back("index: " + status.message());
      return;
    }
    schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
    for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
         ++posting) {
      ++report.documents;
      referenced.insert(check_document(database.get_document(*posting), *posting, store, records,
                                       decompressor, ids, report));
    }
  } catch (const Xapian::Error& error) {
    report.problems.push_back("index: cannot read " + path + ": " + error.get_description());
    return;
  }
  Result<std::vector<std::string>> record_ids = records.ids();
  if (!record_ids.is_ok()) {
    report.problems.push_back("store: " + record_ids.status().message());
    return;
  }
  report.records = record_ids->size();
  for (const std::string& id : *record_ids) {
    if (!ids.contains(id)) {
      report.problems.push_back("record " + id + ": no such document in the index");
    }
  }
  Result<std::vector<std::string>> hashes = store.hashes();
  if (!hashes.is_ok()) {
    report.problems.push_back("store: " + hashes.status().message());
    return;
  }
  report.originals = hashes->size();
  for (const std::string& hash : *hashes) {
    if (!referenced.contains(hash)) report.notes.push_back("unreferenced original: " + hash);
  }
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator walk(store.root(), error), end;
       !error && walk != end; walk.increment(error)) {
    if (walk->path().filename().string().starts_with(store::kTemporaryPrefix)) {
      report.notes.push_back("temporary file of an interrupted write: " + walk->path().string());
    }
  }
}

}  // namespace

int run_check_command(const std::vector<std::string>& arguments) {
  std::string database;
  std::string store_root;
  bool json = false;
  for (size_t index = 0; index < arguments.size(); ++index) {
    const bool has_value = index + 1 < arguments.size();
    if (arguments[index] == "--db" && has_value) {
      database = arguments[++index];
    } else if (arguments[index] == "--store" && has_value) {
      store_root = arguments[++index];
    } else if (arguments[index] == "--json") {
      json = true;
    } else {
      database.clear();
      break;
    }
  }
  if (database.empty() || store_root.empty()) {
    std::fputs(kCheckUsage, stderr);
    return kExitUsage;
  }
  CheckReport report;
  check_structure(database, report);
  if (report.problems.empty()) {
    check_index_against_store(database, store::ContentStore(store_root), report);
  }
  const bool agree = report.problems.empty();
  if (json) {
    const nlohmann::json out = {{"agree", agree},
                                {"documents", report.documents},
                                {"records", report.records},
                                {"originals", report.originals},
                                {"problems", report.problems},
                                {"notes", report.notes}};
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    for (const auto& line : report.problems) std::printf("error: %s\n", line.c_str());
    for (const auto& line : report.notes) std::printf("note: %s\n", line.c_str());
    std::printf("%s: %zu documents, %zu records, %zu originals\n",
                agree ? "index and store agree" : "index and store DISAGREE", report.documents,
                report.records, report.originals);
  }
  return agree ? kExitOk : kExitSomeFailed;
}

}  // namespace jil::ingest
