// Implementation of index_writer.h: Xapian exceptions become Status values here.
#include "ingest/index_writer.h"

#include <nlohmann/json.hpp>

#include "ingest/index_clock.h"
#include "schema/document_data.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "schema/removed_documents.h"
#include "schema/spelling_words.h"
#include "schema/value_slots.h"

namespace jil::ingest {
namespace {

// Metadata key prefix of a document's origin; the value is {"root": …, "source": …}.
constexpr std::string_view kOriginKeyPrefix = "jil:origin:";

bool is_absent_or_empty(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return true;
  return std::filesystem::is_directory(path, error) && std::filesystem::is_empty(path, error);
}

Status from_xapian(const Xapian::Error& error, const std::string& what) {
  return io_error(what + ": " + error.get_description());
}

std::string origin_key(const std::string& id) { return std::string(kOriginKeyPrefix) + id; }

Origin parse_origin(const std::string& value) {
  const nlohmann::json object = nlohmann::json::parse(value, nullptr, false);
  if (!object.is_object()) return {};
  return {object.value("root", ""), object.value("source", "")};
}

std::string origin_value(const Origin& origin) {
  return nlohmann::json({{"root", origin.root}, {"source", origin.source}})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::filesystem::path& path,
                                                       size_t batch_size, Sync sync) {
  const bool create = is_absent_or_empty(path);
  std::error_code mkdir_error;
  if (create && path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), mkdir_error);
  }
  if (mkdir_error) {
    return io_error("cannot create " + path.parent_path().string() + ": " + mkdir_error.message());
  }
  try {
    // Probe an existing directory read-only first: opening for writing would leave a lock file
    // in a directory that turns out not to be an index.
    if (!create) Xapian::Database probe(path.string());
    const int no_sync = sync == Sync::kDeferred ? Xapian::DB_NO_SYNC : 0;
    Xapian::WritableDatabase database(path.string(),
                                      (create ? Xapian::DB_CREATE : Xapian::DB_OPEN) | no_sync);
    if (Status status = schema::check_compatible(database); !status.is_ok()) return status;
    std::unique_ptr<IndexWriter> writer(new IndexWriter(std::move(database), batch_size, sync));
    if (Status status = writer->load_text_dictionaries(); !status.is_ok()) return status;
    writer->load_removed_ids();
    return writer;
  } catch (const Xapian::DatabaseLockError& error) {
    return Status(StatusCode::kLocked, "index " + path.string() +
                                           " is being written by another jil-indexer (" +
                                           error.get_msg() + ")");
  } catch (const Xapian::DatabaseError& error) {
    return Status(StatusCode::kCorrupt, "cannot open index " + path.string() +
                                            " (left untouched): " + error.get_description());
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot open index " + path.string());
  }
}

IndexWriter::~IndexWriter() { cancel(); }

void IndexWriter::cancel() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  pending_ = 0;
  spelling_.clear();
  changes_.clear();
  try {
    database_.cancel_transaction();  // uncommitted work is dropped, never half-written
    load_removed_ids();
  } catch (const Xapian::Error&) {
    // The database closes at the last commit either way.
  }
}

void IndexWriter::load_removed_ids() {
  removed_ids_.clear();
  for (const auto& removed : schema::removed_documents(database_)) removed_ids_.insert(removed.id);
}

void IndexWriter::forget_removal(const std::string& id) {
  if (removed_ids_.erase(id) > 0) database_.set_metadata(schema::removed_key(id), "");
}

Result<IndexedDocument> IndexWriter::find(const std::string& id) {
  try {
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    Xapian::PostingIterator posting = database_.postlist_begin(id_term);
    if (posting == database_.postlist_end(id_term)) return IndexedDocument{};
    const Xapian::Document document = database_.get_document(*posting);
    return IndexedDocument{*posting, document.get_value(schema::kFingerprintSlot),
                           document.get_value(schema::kIndexedAtSlot)};
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot read document " + id);
  }
}

Result<std::string> IndexWriter::fingerprint_of(const std::string& id) {
  Result<IndexedDocument> found = find(id);
  if (!found.is_ok()) return found.status();
  return found->fingerprint;
}

Result<Origin> IndexWriter::origin_of(const std::string& id) {
  try {
    return parse_origin(database_.get_metadata(origin_key(id)));
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot read the origin of " + id);
  }
}

Result<std::map<std::string, Origin>> IndexWriter::origins() {
  try {
    std::map<std::string, Origin> found;
    const std::string prefix(kOriginKeyPrefix);
    for (auto key = database_.metadata_keys_begin(prefix);
         key != database_.metadata_keys_end(prefix); ++key) {
      found[(*key).substr(prefix.size())] = parse_origin(database_.get_metadata(*key));
    }
    return found;
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot list document origins");
  }
}

void IndexWriter::begin() {
  if (!in_transaction_) {
    database_.begin_transaction(true);
    in_transaction_ = true;
  }
  if (!stamped_) {
    schema::stamp_versions(database_);
    stamped_ = true;
  }
}

void IndexWriter::count_spelling(const Xapian::Document& document,
                                 const std::vector<std::string>* words) {
  if (words) {
    spelling_.add(*words);
  } else {
    spelling_.add(schema::spelling_words_of(document));
  }
}

void IndexWriter::uncount_spelling(const std::string& id_term) {
  Xapian::PostingIterator old = database_.postlist_begin(id_term);
  if (old != database_.postlist_end(id_term)) spelling_.remove(database_.get_document(*old));
}

void IndexWriter::note_documents_of(const std::string& id_term) {
  for (auto posting = database_.postlist_begin(id_term); posting != database_.postlist_end(id_term);
       ++posting) {
    changes_.changed(*posting);
  }
}

Result<Xapian::docid> IndexWriter::replace(const std::string& id, const Xapian::Document& document,
                                           const Origin& origin,
                                           const std::vector<std::string>* spelling_words) {
  try {
    begin();
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    uncount_spelling(id_term);
    count_spelling(document, spelling_words);
    note_documents_of(id_term);  // replace_document keeps the first docid, deletes any others
    const Xapian::docid docid = database_.replace_document(id_term, with_dictionary(document));
    changes_.changed(docid);
    database_.set_metadata(origin_key(id), origin_value(origin));
    forget_removal(id);
    ++pending_;
    return docid;
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot write document " + id);
  }
}

Result<Xapian::docid> IndexWriter::add(const std::string& id, const Xapian::Document& document,
                                       const Origin& origin,
                                       const std::vector<std::string>* spelling_words) {
  try {
    begin();
    count_spelling(document, spelling_words);
    const Xapian::docid docid =
        first_docid_ > database_.get_lastdocid() + 1
            ? (database_.replace_document(first_docid_, with_dictionary(document)), first_docid_)
            : database_.add_document(with_dictionary(document));
    changes_.changed(docid);
    database_.set_metadata(origin_key(id), origin_value(origin));
    forget_removal(id);
    ++pending_;
    return docid;
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot write document " + id);
  }
}

Status IndexWriter::replace_at(Xapian::docid docid, const std::string& id,
                               const Xapian::Document& document, const Origin& origin) {
  try {
    begin();
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    uncount_spelling(id_term);
    count_spelling(document, nullptr);
    note_documents_of(id_term);
    database_.replace_document(docid, with_dictionary(document));
    changes_.changed(docid);
    database_.set_metadata(origin_key(id), origin_value(origin));
    forget_removal(id);
    ++pending_;
    return Status::ok();
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot write document " + id);
  }
}

Status IndexWriter::remove(const std::string& id, bool& existed) {
  existed = false;
  try {
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    existed = database_.term_exists(id_term);
    const bool has_origin = !database_.get_metadata(origin_key(id)).empty();
    if (!existed && !has_origin) return Status::ok();
    begin();
    if (existed) {
      uncount_spelling(id_term);
      note_documents_of(id_term);
      // Harvesters learn of the removal from this record (schema/removed_documents.h).
      const Xapian::Document leaving = database_.get_document(*database_.postlist_begin(id_term));
      const std::string removed_at = index_timestamp();
      database_.set_metadata(
          schema::removed_key(id),
          schema::encode_removed({id, removed_at, leaving.get_value(schema::kTypeSlot),
                                  leaving.get_value(schema::kLanguageSlot)}));
      database_.set_metadata(std::string(schema::kLastRemovalKey), removed_at);
      removed_ids_.insert(id);
      database_.delete_document(id_term);
    }
    if (has_origin) database_.set_metadata(origin_key(id), "");  // "" deletes the key
    ++pending_;
    return Status::ok();
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot delete document " + id);
  }
}

Status IndexWriter::keep_removals_of(const Xapian::Database& earlier, size_t& kept) {
  kept = 0;
  try {
    const std::vector<schema::RemovedDocument> removed = schema::removed_documents(earlier);
    const std::string last_removal = earlier.get_metadata(std::string(schema::kLastRemovalKey));
    if (removed.empty() && last_removal.empty()) return Status::ok();
    begin();
    for (const schema::RemovedDocument& record : removed) {
      if (database_.term_exists(schema::term(schema::kIdPrefix, record.id))) continue;
      database_.set_metadata(schema::removed_key(record.id), schema::encode_removed(record));
      removed_ids_.insert(record.id);
      ++kept;
    }
    if (!last_removal.empty()) {
      database_.set_metadata(std::string(schema::kLastRemovalKey), last_removal);
    }
    ++pending_;
    return Status::ok();
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot take over the earlier index's removal records");
  }
}

Result<bool> IndexWriter::commit_if_full() {
  if (pending_ < batch_size_) return false;
  if (Status status = commit(); !status.is_ok()) return status;
  return true;
}

Status IndexWriter::commit() {
  if (!in_transaction_) return Status::ok();
  try {
    dictionaries_.train_due(database_, decompressor_);
    if (!hold_spelling_) spelling_.apply(database_);
    if (removed_ids_.size() > schema::kMaxRemovedDocumentsKept) {
      for (const std::string& id : schema::oldest_beyond(schema::removed_documents(database_),
                                                         schema::kMaxRemovedDocumentsKept)) {
        database_.set_metadata(schema::removed_key(id), "");
        removed_ids_.erase(id);
      }
    }
    changes_.write(database_);
    database_.commit_transaction();
    in_transaction_ = false;
    pending_ = 0;
    ++commits_;
    return Status::ok();
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot commit");
  }
}

schema::SpellingChanges IndexWriter::take_spelling() {
  schema::SpellingChanges taken;
  taken.merge(std::move(spelling_));
  return taken;
}

Status IndexWriter::load_text_dictionaries() {
  try {
    Result<TextDictionaries> loaded = TextDictionaries::load(database_, decompressor_);
    if (!loaded.is_ok()) return loaded.status();
    dictionaries_ = std::move(loaded).value();
    return Status::ok();
  } catch (const Xapian::Error& error) {
    return from_xapian(error, "cannot read the text dictionaries");
  }
}

Xapian::doccount IndexWriter::document_count() const { return database_.get_doccount(); }

}  // namespace jil::ingest
