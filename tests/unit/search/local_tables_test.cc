// Tests search/local_tables.cc on a real on-disk index changed by the real IndexWriter across
// several commits (adds, replaces that move a document to another work and change its facet
// values, deletes, commits that change nothing, commits that list nothing): after each, tables
// brought up to date from the change lists hold what tables read whole hold, and a Searcher kept
// open answers as one opened afresh.
#include "search/local_tables.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/index_writer.h"
#include "sample_documents.h"
#include "schema/changed_documents.h"
#include "schema/value_slots.h"
#include "search/facet_counter.h"
#include "search/searcher.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using Refresh = LocalTables::Refresh;

const std::vector<Xapian::valueno>& slots() { return LocalTables::column_slots(); }

// Everything the tables say about each document, by document id, in words (codes left out).
std::map<Xapian::docid, std::string> contents(const Xapian::Database& database,
                                              const LocalTables& tables) {
  std::map<Xapian::docid, std::string> out;
  const FacetColumns& columns = tables.columns();
  for (Xapian::docid docid = 1; docid <= database.get_lastdocid(); ++docid) {
    std::string& row_text = out[docid];
    const uint32_t* row = columns.row(docid);
    for (Xapian::valueno slot : slots()) {
      const uint32_t column = columns.column_of(slot);
      row_text += std::to_string(slot) + "=" +
                  (row == nullptr ? "<none>" : columns.values(column)[row[column]]) + " ";
    }
    row_text +=
        "id=" + tables.works().id_of(docid) + " language=" + tables.works().language_of(docid);
  }
  return out;
}

// Documents per value of each column, without values no document has.
std::map<std::string, uint64_t> value_counts(const LocalTables& tables) {
  std::map<std::string, uint64_t> out;
  const FacetColumns& columns = tables.columns();
  for (Xapian::valueno slot : slots()) {
    const uint32_t column = columns.column_of(slot);
    for (size_t code = 1; code < columns.values(column).size(); ++code) {
      if (columns.documents_with(column)[code] == 0) continue;
      out[std::to_string(slot) + ":" + columns.values(column)[code]] +=
          columns.documents_with(column)[code];
    }
  }
  return out;
}

std::vector<schema::Facet> foldable_facets(const LocalTables& tables) {
  std::vector<schema::Facet> out;
  for (schema::Facet facet : schema::all_facets()) {
    if (tables.foldable().foldable(facet)) out.push_back(facet);
  }
  return out;
}

// Totals, ids, work languages, other versions and facet counts of a search, in words.
std::string describe(const SearchResults& results) {
  std::string out = "total=" + std::to_string(results.total);
  for (const SearchHit& hit : results.hits) {
    out += " [" + hit.record.id;
    for (const std::string& language : hit.work_languages) out += " " + language;
    for (const WorkVersion& version : hit.other_versions) out += " +" + version.id;
    out += "]";
  }
  for (const FacetCounts& counts : results.facets) {
    out += " |" + std::to_string(static_cast<int>(counts.facet));
    for (const FacetValueCount& value : counts.values) {
      out += " " + value.value + ":" + std::to_string(value.count) + (value.selected ? "*" : "");
    }
  }
  return out;
}

class LocalTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok());
    analyzer_ = std::move(analyzer).value();
    auto builder = schema::DocumentBuilder::create(*analyzer_);
    ASSERT_TRUE(builder.is_ok());
    builder_ = std::move(builder).value();
    for (schema::DocRecord& record : sample_documents()) records_[record.id] = record;
    open_writer();
    for (const auto& [id, record] : records_) put(record);
    commit();
    reader_ = std::make_unique<Xapian::Database>(index_path().string());
    kept_.refresh(*reader_, slots());
    Result<std::unique_ptr<Searcher>> searcher = Searcher::open(index_path());
    ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
    searcher_ = std::move(searcher).value();
    EXPECT_GT(search_with(*searcher_, "judges").total, 0u);  // its tables read whole
  }

  std::filesystem::path index_path() const { return directory_.path() / "index"; }

  void open_writer() {
    Result<std::unique_ptr<ingest::IndexWriter>> writer =
        ingest::IndexWriter::open(index_path(), 1000);
    ASSERT_TRUE(writer.is_ok()) << writer.status().to_string();
    writer_ = std::move(writer).value();
  }

  void put(const schema::DocRecord& record) {
    records_[record.id] = record;
    Result<Xapian::docid> docid =
        writer_->replace(record.id, builder_->build(record, "fingerprint"), {"/corpus", record.id});
    ASSERT_TRUE(docid.is_ok()) << docid.status().to_string();
  }

  void remove(const std::string& id) {
    bool existed = false;
    ASSERT_TRUE(writer_->remove(id, existed).is_ok());
    EXPECT_TRUE(existed);
    records_.erase(id);
  }

  void commit() { ASSERT_TRUE(writer_->commit().is_ok()); }

  // The tables kept across commits brought to the newest revision, compared with tables read
  // whole from a handle opened afresh; and searches of the kept Searcher with a fresh one's.
  void expect_refresh_equals_whole_read(Refresh expected) {
    reader_->reopen();
    kept_.refresh(*reader_, slots());
    EXPECT_EQ(kept_.last_refresh(), expected);
    Xapian::Database fresh_database(index_path().string());
    LocalTables fresh;
    fresh.refresh(fresh_database, slots());
    EXPECT_EQ(fresh.last_refresh(), Refresh::kWhole);
    EXPECT_EQ(contents(*reader_, kept_), contents(fresh_database, fresh));
    EXPECT_EQ(value_counts(kept_), value_counts(fresh));
    EXPECT_EQ(kept_.works().works(), fresh.works().works());
    EXPECT_EQ(foldable_facets(kept_), foldable_facets(fresh));
    Result<std::unique_ptr<Searcher>> fresh_searcher = Searcher::open(index_path());
    ASSERT_TRUE(fresh_searcher.is_ok());
    for (const std::string query : {"judges", "judicial", "independence", ""}) {
      for (bool filtered : {false, true}) {
        EXPECT_EQ(describe(search_with(*searcher_, query, filtered)),
                  describe(search_with(**fresh_searcher, query, filtered)))
            << "query '" << query << "'" << (filtered ? ", filtered" : "");
      }
    }
  }

  static SearchResults search_with(Searcher& searcher, const std::string& query,
                                   bool filtered = false) {
    SearchRequest request;
    request.query = query;
    if (filtered) request.filters[schema::Facet::kLanguage] = {"en", "fr"};
    Result<SearchResults> results = searcher.search(request);
    EXPECT_TRUE(results.is_ok()) << results.status().to_string();
    return results.is_ok() ? *results : SearchResults{};
  }

  schema::DocRecord copy_of(const std::string& id, const std::string& new_id) {
    schema::DocRecord record = records_.at(id);
    record.id = new_id;
    record.original_name = new_id + ".txt";
    return record;
  }

  TemporaryDirectory directory_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<schema::DocumentBuilder> builder_;
  std::map<std::string, schema::DocRecord> records_;
  std::unique_ptr<ingest::IndexWriter> writer_;
  std::unique_ptr<Xapian::Database> reader_;
  LocalTables kept_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(LocalTablesTest, AddsReplacesAndDeletesAreReadFromTheChangeLists) {
  // Adds: a new work, a new language version of an old one, a new country and topic.
  schema::DocRecord added = copy_of("gifts-en", "gifts-ru");
  added.language = analysis::Language::kRu;
  added.title = "Подарки судьям";
  added.text = "Судьи не принимают подарки. Judges refuse gifts.";
  put(added);
  schema::DocRecord other = copy_of("training-es", "ethics-ru");
  other.work = "ethics";
  other.language = analysis::Language::kRu;
  other.country = "RU";
  other.topics = {"judicial-ethics", "new-topic"};
  put(other);
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);

  // Replaces: code-fr leaves work "code" for its own, with another type, country and topics;
  // report-ar changes year and values.
  schema::DocRecord moved = records_.at("code-fr");
  moved.work = "code-fr-alone";
  moved.type = "guidance";
  moved.country = "BE";
  moved.topics = {"gifts"};
  put(moved);
  schema::DocRecord changed = records_.at("report-ar");
  changed.year = 2024;
  changed.values = {"integrity"};
  put(changed);
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);

  // Deletes: a whole work goes, and one version of another.
  remove("training-es");
  remove("gifts-en");
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);
}

TEST_F(LocalTablesTest, SeveralCommitsBetweenSearchesAreAllRead) {
  put(copy_of("code-en", "code-en-2"));
  commit();
  remove("code-en-2");
  commit();
  schema::DocRecord moved = records_.at("guide-zh");
  moved.work = "code";
  put(moved);
  commit();
  remove("code-en");
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);
}

TEST_F(LocalTablesTest, ACommitThatListsNoDocumentsChangesNothing) {
  {
    // A commit of another writer that changed no document, with its (empty) list.
    writer_.reset();
    Xapian::WritableDatabase database(index_path().string(), Xapian::DB_OPEN);
    const schema::ChangeList none{database.get_uuid(), false, {}};
    database.set_metadata(schema::changed_key(database.get_revision() + 1),
                          schema::encode_change_list(none));
    database.commit();
  }
  expect_refresh_equals_whole_read(Refresh::kChanges);
}

TEST_F(LocalTablesTest, ACommitWithoutAListIsReadWhole) {
  {
    // Another writer changes a document and lists nothing: the gap forces a whole read.
    writer_.reset();
    Xapian::WritableDatabase database(index_path().string(), Xapian::DB_OPEN);
    schema::DocRecord record = records_.at("code-en");
    record.type = "report";
    database.replace_document(schema::term(schema::kIdPrefix, record.id),
                              builder_->build(record, "fingerprint"));
    database.commit();
  }
  expect_refresh_equals_whole_read(Refresh::kWhole);
  // The commits after the gap are read from their lists again.
  open_writer();
  remove("report-ar");
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);
}

TEST_F(LocalTablesTest, ListsOfAnotherDatabaseAreNotTaken) {
  {
    // A list written for this revision by another database (as a compacted copy inherits them).
    writer_.reset();
    Xapian::WritableDatabase database(index_path().string(), Xapian::DB_OPEN);
    schema::DocRecord record = records_.at("code-en");
    record.country = "DE";
    database.replace_document(schema::term(schema::kIdPrefix, record.id),
                              builder_->build(record, "fingerprint"));
    const schema::ChangeList foreign{"another-uuid", false, {}};
    database.set_metadata(schema::changed_key(database.get_revision() + 1),
                          schema::encode_change_list(foreign));
    database.commit();
  }
  expect_refresh_equals_whole_read(Refresh::kWhole);
}

TEST_F(LocalTablesTest, MoreCommitsThanListsKeptAreReadWhole) {
  for (uint64_t commit_number = 0; commit_number <= schema::kChangeListsKept; ++commit_number) {
    schema::DocRecord record = records_.at("code-en");
    record.year = 1990 + static_cast<int>(commit_number);
    put(record);
    commit();
  }
  expect_refresh_equals_whole_read(Refresh::kWhole);
  put(copy_of("code-en", "code-en-2"));
  commit();
  expect_refresh_equals_whole_read(Refresh::kChanges);
}

}  // namespace
}  // namespace jil::search
