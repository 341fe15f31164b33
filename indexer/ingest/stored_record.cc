// Implementation of stored_record.h; nlohmann exceptions become kCorrupt here.
#include "ingest/stored_record.h"

#include "schema/document_data.h"

namespace jil::ingest {

StoredRecord make_stored_record(schema::DocRecord& record, Xapian::docid docid,
                                const std::string& fingerprint, const std::string& root) {
  StoredRecord stored;
  stored.id = record.id;
  stored.docid = docid;
  stored.sha256 = record.sha256;
  stored.fingerprint = fingerprint;
  stored.root = root;
  stored.source = record.source;
  stored.original_name = record.original_name;
  // Through text so that ill-formed UTF-8 is replaced as in the index's document data.
  stored.document = nlohmann::json::parse(
      schema::document_head(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      nullptr, false);
  return stored;
}

Result<schema::DocRecord> to_doc_record(const StoredRecord& record, std::string text) {
  return schema::record_from_head(record.document, std::move(text));
}

std::string to_text(const StoredRecord& record) {
  const nlohmann::json object = {{"version", kStoredRecordVersion},
                                 {"id", record.id},
                                 {"docid", record.docid},
                                 {"sha256", record.sha256},
                                 {"fingerprint", record.fingerprint},
                                 {"root", record.root},
                                 {"source", record.source},
                                 {"original_name", record.original_name},
                                 {"extract_language", record.extract_language},
                                 {"document", record.document}};
  return object.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<StoredRecord> parse_stored_record(std::string_view text) {
  const nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
  if (!object.is_object()) return Status(StatusCode::kCorrupt, "record is not a JSON object");
  try {
    if (object.at("version").get<int>() != kStoredRecordVersion) {
      return Status(StatusCode::kCorrupt, "record has version " + object.at("version").dump() +
                                              ", this build reads " +
                                              std::to_string(kStoredRecordVersion));
    }
    StoredRecord record;
    record.id = object.at("id").get<std::string>();
    record.docid = object.at("docid").get<Xapian::docid>();
    record.sha256 = object.at("sha256").get<std::string>();
    record.fingerprint = object.at("fingerprint").get<std::string>();
    record.root = object.at("root").get<std::string>();
    record.source = object.at("source").get<std::string>();
    record.original_name = object.at("original_name").get<std::string>();
    record.extract_language = object.value("extract_language", std::string());
    record.document = object.at("document");
    if (!record.document.is_object()) {
      return Status(StatusCode::kCorrupt, "record field 'document' is not an object");
    }
    return record;
  } catch (const nlohmann::json::exception& error) {
    return Status(StatusCode::kCorrupt, std::string("record: ") + error.what());
  }
}

}  // namespace jil::ingest
