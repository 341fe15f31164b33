// The one writer of an index: opens it without ever overwriting (DB_CREATE only where nothing
// exists), refuses a locked or incompatible index, and groups changes into explicit
// transactions (Xapian 1.4's replace-by-term is not atomic on its own). Each document's origin
// (the folder it was ingested from and its path there) is kept in the index's metadata under
// "jil:origin:<id>", changed in the same transaction as the document, so `index --prune` can
// tell which documents belong to a folder. Each commit also records the ids of the documents it
// changed (ingest/change_recorder.h), so searchd can refresh its tables from them. It also trains
// the index's text dictionaries, one per document language (ingest/text_dictionaries.h), each at
// the first commit after which that language's documents without one hold kMinTrainingBytes of
// text, recompressing them in that commit's transaction. Not thread-safe.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/status.h"
#include "ingest/change_recorder.h"
#include "ingest/text_dictionaries.h"
#include "schema/compressed_block.h"
#include "schema/language_dictionaries.h"
#include "schema/spelling_words.h"

namespace jil::ingest {

// Where a document came from: the canonical source folder and the path below it.
struct Origin {
  std::string root;
  std::string source;
  auto operator<=>(const Origin&) const = default;
};

// What the index holds for an id.
struct IndexedDocument {
  Xapian::docid docid = 0;  // 0 when the id is not in the index
  std::string fingerprint;
  std::string indexed_at;  // when it was written (schema::kIndexedAtSlot)
};

class IndexWriter {
 public:
  // kLocked when another writer holds the index; kCorrupt when the directory holds something
  // that is not a compatible index (it is left untouched).
  // kDeferred skips the fsyncs of each commit (Xapian's DB_NO_SYNC): only for a temporary
  // index whose owner syncs it before anything depends on it (a parallel build's shard).
  static Result<std::unique_ptr<IndexWriter>> open(const std::filesystem::path& path,
                                                   size_t batch_size, Sync sync = Sync::kNow);
  ~IndexWriter();

  // The docid, fingerprint and time stored for this id (docid 0 when there is none).
  Result<IndexedDocument> find(const std::string& id);
  // Fingerprint stored with the document of this id, or "" when there is none.
  Result<std::string> fingerprint_of(const std::string& id);
  // The recorded origin of this id; empty fields when none was recorded.
  Result<Origin> origin_of(const std::string& id);
  // Every recorded origin, by id.
  Result<std::map<std::string, Origin>> origins();

  // Adds or replaces the document with this id inside the current transaction and records its
  // origin. Document data made without a dictionary is recompressed with its language's, if the
  // index has one (a document built before that was trained; `document` is a handle, so the
  // caller's copy changes too). Returns its docid. Nothing is committed: call commit_if_full()
  // afterwards. `spelling_words`: the document's schema::spelling_words_of, when the caller made
  // them already (on a document worker); null to have them made here. The spelling dictionary is
  // written once per word at the commit.
  Result<Xapian::docid> replace(const std::string& id, const Xapian::Document& document,
                                const Origin& origin,
                                const std::vector<std::string>* spelling_words = nullptr);
  // Like replace, for an id the index does not hold (find() found none): add_document, which
  // skips replace's look-up of the id term.
  Result<Xapian::docid> add(const std::string& id, const Xapian::Document& document,
                            const Origin& origin,
                            const std::vector<std::string>* spelling_words = nullptr);
  // Keeps the spelling dictionary's changes instead of writing them at each commit, for the
  // caller to take (a parallel build's shard: the build writes one dictionary for all shards,
  // as Xapian rewrites a fragment's whole word list at every commit that changes it).
  void hold_spelling() { hold_spelling_ = true; }
  // The changes held since the writer opened (all committed, unless the open batch is dropped).
  schema::SpellingChanges take_spelling();
  // Makes the next add() put its document at `docid` when that is past the last docid (a shard
  // of a parallel build starts at the docid its first file would have in file order).
  void start_docids_at(Xapian::docid docid) { first_docid_ = docid; }
  // Like replace, but puts the document at `docid` (rebuild keeps the original docids, so that
  // ties in ranking are broken alike).
  Status replace_at(Xapian::docid docid, const std::string& id, const Xapian::Document& document,
                    const Origin& origin);
  // Deletes the document with this id and its origin inside the current transaction; `existed`
  // says whether there was one.
  Status remove(const std::string& id, bool& existed);

  // Takes over the removal records of `earlier` (the index this one is rebuilt to replace,
  // which may be of another schema), except for ids this index holds, and its last removal
  // time; `kept` counts the records taken. Committed with the next commit.
  Status keep_removals_of(const Xapian::Database& earlier, size_t& kept);

  // True when a transaction is open (something to commit).
  bool has_changes() const { return in_transaction_; }
  // True when the open transaction holds a whole batch.
  bool batch_full() const { return pending_ >= batch_size_; }
  // Commits the current transaction when it holds a whole batch; true when it did.
  Result<bool> commit_if_full();
  // Commits the current transaction, if any.
  Status commit();
  // Drops the current transaction, if any: the index stays at its last commit.
  void cancel();

  Xapian::doccount document_count() const;
  // The dictionaries documents written to this index should be compressed with, by language.
  // Changes only at a commit.
  std::shared_ptr<const schema::LanguageDictionaries> text_dictionaries() const {
    return dictionaries_.current();
  }
  // Bytes of text of `language`'s documents stored without a dictionary, as the writer counts
  // them towards training one.
  size_t text_without_dictionary(const std::string& language) const {
    return dictionaries_.text_without_dictionary(language);
  }
  // True for a writer opened with Sync::kDeferred: its commits are not durable on their own.
  bool sync_deferred() const { return sync_ == Sync::kDeferred; }
  // Transactions committed by this writer so far.
  size_t commits() const { return commits_; }

 private:
  IndexWriter(Xapian::WritableDatabase database, size_t batch_size, Sync sync)
      : database_(std::move(database)),
        decompressor_(schema::BlockDecompressor::for_index(database_)),
        batch_size_(batch_size),
        sync_(sync) {}

  // Finds the index's dictionaries and counts the text of its documents without one.
  Status load_text_dictionaries();
  // The document with its data compressed with its language's dictionary, if there is one.
  Xapian::Document with_dictionary(const Xapian::Document& document) {
    return dictionaries_.prepared(document, decompressor_);
  }

  // Starts a transaction (and stamps the versions once) if none is open.
  void begin();
  // Counts the spelling words of a document entering the index.
  void count_spelling(const Xapian::Document& document, const std::vector<std::string>* words);
  // Uncounts those of the document indexed under `id_term`, if any.
  void uncount_spelling(const std::string& id_term);
  // Notes every document indexed under `id_term` as changed by the open transaction.
  void note_documents_of(const std::string& id_term);
  // Reads which ids the index remembers as removed (schema/removed_documents.h).
  void load_removed_ids();
  // Drops the removal record of `id`, which is indexed again.
  void forget_removal(const std::string& id);

  Xapian::WritableDatabase database_;
  schema::BlockDecompressor decompressor_;  // reads the index's own document data
  TextDictionaries dictionaries_;
  schema::SpellingChanges spelling_;  // of the open transaction
  ChangeRecorder changes_;            // of the open transaction
  size_t batch_size_;
  Sync sync_;
  std::set<std::string> removed_ids_;  // with a removal record, as of the open transaction
  Xapian::docid first_docid_ = 0;
  size_t pending_ = 0;
  size_t commits_ = 0;
  bool in_transaction_ = false;
  bool stamped_ = false;
  bool hold_spelling_ = false;
};

}  // namespace jil::ingest
