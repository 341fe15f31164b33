// Tests ingest/change_recorder.cc through IndexWriter on a real on-disk index: each commit lists
// the documents it added, replaced or deleted under the revision it creates, old lists are
// deleted, a commit changing too many documents says so, and a compacted copy's inherited lists
// are not taken for its own.
#include "ingest/change_recorder.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/index_writer.h"
#include "schema/changed_documents.h"
#include "schema/prefixes.h"
#include "temporary_directory.h"

namespace jil::ingest {
namespace {

using Docids = std::vector<Xapian::docid>;

class ChangeRecorderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::open(index_path(), 1000);
    ASSERT_TRUE(writer.is_ok()) << writer.status().to_string();
    writer_ = std::move(writer).value();
  }

  std::filesystem::path index_path() const { return directory_.path() / "index"; }

  static Xapian::Document document(const std::string& id, const std::string& text) {
    Xapian::Document document;
    document.add_boolean_term(schema::term(schema::kIdPrefix, id));
    document.add_term(text);
    return document;
  }

  Xapian::docid put(const std::string& id, const std::string& text = "word") {
    Result<Xapian::docid> docid = writer_->replace(id, document(id, text), {"/corpus", id});
    EXPECT_TRUE(docid.is_ok()) << docid.status().to_string();
    return docid.is_ok() ? *docid : 0;
  }

  void remove(const std::string& id) {
    bool existed = false;
    EXPECT_TRUE(writer_->remove(id, existed).is_ok());
  }

  void commit() { ASSERT_TRUE(writer_->commit().is_ok()); }

  // The list the last commit wrote, read as searchd reads it.
  static std::optional<schema::ChangeList> list_of(const Xapian::Database& database,
                                                   uint64_t revision) {
    return schema::decode_change_list(database.get_metadata(schema::changed_key(revision)));
  }

  static std::vector<uint64_t> listed_revisions(const Xapian::Database& database) {
    std::vector<uint64_t> revisions;
    const std::string prefix(schema::kChangedKeyPrefix);
    for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
         ++key) {
      revisions.push_back(*schema::revision_of_changed_key(*key));
    }
    std::sort(revisions.begin(), revisions.end());
    return revisions;
  }

  TemporaryDirectory directory_;
  std::unique_ptr<IndexWriter> writer_;
};

TEST_F(ChangeRecorderTest, EachCommitListsItsDocumentsUnderTheRevisionItCreates) {
  EXPECT_EQ(put("a"), 1u);
  EXPECT_EQ(put("b"), 2u);
  EXPECT_EQ(put("c"), 3u);
  commit();
  Xapian::Database reader(index_path().string());
  const uint64_t first = reader.get_revision();
  std::optional<schema::ChangeList> list = list_of(reader, first);
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->database_uuid, reader.get_uuid());
  EXPECT_FALSE(list->too_many);
  EXPECT_EQ(list->docids, (Docids{1, 2, 3}));

  EXPECT_EQ(put("b", "other"), 2u);  // replaced: the same docid
  remove("c");
  EXPECT_EQ(put("d"), 4u);  // added: past the last docid
  commit();
  reader.reopen();
  EXPECT_EQ(reader.get_revision(), first + 1);  // one revision per commit
  list = list_of(reader, first + 1);
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->docids, (Docids{2, 3, 4}));
  EXPECT_EQ(schema::documents_changed_between(reader, first - 1, first + 1), (Docids{1, 2, 3, 4}));
  EXPECT_EQ(schema::documents_changed_between(reader, first, first + 1), (Docids{2, 3, 4}));
  EXPECT_EQ(schema::documents_changed_between(reader, first + 1, first + 1), Docids{});
}

TEST_F(ChangeRecorderTest, OnlyTheLastListsAreKept) {
  for (uint64_t commit_number = 0; commit_number < schema::kChangeListsKept + 5; ++commit_number) {
    put("a", "word" + std::to_string(commit_number));
    commit();
  }
  Xapian::Database reader(index_path().string());
  const uint64_t last = reader.get_revision();
  std::vector<uint64_t> expected;
  for (uint64_t revision = last - schema::kChangeListsKept + 1; revision <= last; ++revision) {
    expected.push_back(revision);
  }
  EXPECT_EQ(listed_revisions(reader), expected);
  EXPECT_EQ(schema::documents_changed_between(reader, last - schema::kChangeListsKept, last),
            Docids{1});
  EXPECT_EQ(schema::documents_changed_between(reader, last - schema::kChangeListsKept - 1, last),
            std::nullopt);
}

TEST_F(ChangeRecorderTest, ATransactionChangingTooManyDocumentsSaysSo) {
  writer_.reset();
  Xapian::WritableDatabase database(index_path().string(), Xapian::DB_CREATE_OR_OPEN);
  ChangeRecorder recorder;
  database.begin_transaction();
  for (Xapian::docid docid = 1; docid <= schema::kMaxChangedDocumentsListed + 1; ++docid) {
    recorder.changed(docid);
    recorder.changed(docid);  // repeats count once
  }
  recorder.write(database);
  database.commit_transaction();
  std::optional<schema::ChangeList> list = list_of(database, database.get_revision());
  ASSERT_TRUE(list.has_value());
  EXPECT_TRUE(list->too_many);
  EXPECT_TRUE(list->docids.empty());
  EXPECT_EQ(schema::documents_changed_between(database, database.get_revision() - 1,
                                              database.get_revision()),
            std::nullopt);

  // Exactly as many as a list holds are listed.
  database.begin_transaction();
  for (Xapian::docid docid = 1; docid <= schema::kMaxChangedDocumentsListed; ++docid) {
    recorder.changed(docid);
  }
  recorder.write(database);
  database.commit_transaction();
  list = list_of(database, database.get_revision());
  ASSERT_TRUE(list.has_value());
  EXPECT_FALSE(list->too_many);
  EXPECT_EQ(list->docids.size(), schema::kMaxChangedDocumentsListed);
}

TEST_F(ChangeRecorderTest, ACancelledTransactionListsNothing) {
  put("a");
  writer_->cancel();
  put("b");
  commit();
  Xapian::Database reader(index_path().string());
  std::optional<schema::ChangeList> list = list_of(reader, reader.get_revision());
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->docids, Docids{1});  // "a" was never added; "b" took docid 1
}

TEST_F(ChangeRecorderTest, ACompactedCopyDoesNotTakeTheListsItInherits) {
  put("a");
  commit();
  put("b");
  commit();
  writer_.reset();
  const std::filesystem::path copy = directory_.path() / "copy";
  Xapian::Database(index_path().string()).compact(copy.string());
  {
    Xapian::Database compacted(copy.string());
    EXPECT_FALSE(listed_revisions(compacted).empty());  // Xapian copies metadata
    EXPECT_EQ(schema::documents_changed_between(compacted, 0, compacted.get_revision()),
              std::nullopt);
  }
  // The copy's first commit deletes the inherited lists and lists its own.
  Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::open(copy, 1000);
  ASSERT_TRUE(writer.is_ok());
  writer_ = std::move(writer).value();
  put("c");
  commit();
  Xapian::Database reader(copy.string());
  EXPECT_EQ(listed_revisions(reader), std::vector<uint64_t>{reader.get_revision()});
  EXPECT_EQ(
      schema::documents_changed_between(reader, reader.get_revision() - 1, reader.get_revision()),
      Docids{3});
}

}  // namespace
}  // namespace jil::ingest
