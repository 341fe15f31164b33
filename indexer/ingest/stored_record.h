// The record kept in the store for each indexed document (store/record_store.h): its validated
// metadata and ingest fields, which original it came from and where, its fingerprint and its Xapian
// docid. It is written durably before the commit that adds the document, and it is all `jil-indexer
// rebuild` needs besides the original to recreate the same document under the same docid.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"
#include "schema/doc_record.h"

namespace jil::ingest {

// Bumped when the record's shape changes; rebuild refuses records of another version.
inline constexpr int kStoredRecordVersion = 1;

struct StoredRecord {
  std::string id;
  Xapian::docid docid = 0;  // the document's docid in the index it was written to
  std::string sha256;       // of the original: its name in the content store
  std::string fingerprint;  // as stored in the index (ingest_run.cc fingerprint_of)
  std::string root;         // the source folder it was ingested from (canonical)
  std::string source;       // its path relative to `root`
  std::string original_name;
  // The language the extractor was asked to read the original in (OCR of scanned PDFs; "" for
  // none), so that rebuild extracts the same text.
  std::string extract_language;
  // The document data (schema::to_document_data) without the extracted text, which rebuild
  // extracts again from the original: every field, however the metadata was resolved.
  nlohmann::json document;
};

// The record of a document about to be written (`record.text` is moved out while the document
// data is made, then put back).
StoredRecord make_stored_record(schema::DocRecord& record, Xapian::docid docid,
                                const std::string& fingerprint, const std::string& root);

// The DocRecord the stored record describes, with `text` as its extracted text.
Result<schema::DocRecord> to_doc_record(const StoredRecord& record, std::string text);

std::string to_text(const StoredRecord& record);
// kCorrupt (naming the field) when `text` is not a record of this version.
Result<StoredRecord> parse_stored_record(std::string_view text);

}  // namespace jil::ingest
