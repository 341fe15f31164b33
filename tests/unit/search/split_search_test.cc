// Tests the split search (search/search_helper.h, ranked_pass.h, hit_maker.h) on a real on-disk
// index of 300 documents in five languages, versions of one work spread over the index, with
// gaps in the ids: a Searcher that shares each search with its helper thread must answer every
// request (queries, selections, collapsing, pages, orders, reader's language) exactly as one that
// does not: totals, facet counts, results, weights, titles, snippets and versions. And the
// helper's own rules: no free core, no start; a task that throws asks for a retry.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "hit_description.h"
#include "sample_documents.h"
#include "search/searcher.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;
using schema::Facet;

// Everything a search answers, as text; weights exactly (hexadecimal floating point).
std::string described(const SearchResults& results) {
  std::string out = "total " + std::to_string(results.total) + " other " +
                    std::to_string(results.other_language_total) + " suggestion " +
                    results.suggestion + "\n";
  for (const FacetCounts& facet : results.facets) {
    out += "facet " + std::to_string(static_cast<int>(facet.facet)) + ":";
    for (const FacetValueCount& value : facet.values) {
      out += " " + value.value + "=" + std::to_string(value.count) + (value.selected ? "*" : "");
    }
    out += "\n";
  }
  for (const SearchHit& hit : results.hits) {
    out += "hit " + hit_description(hit);
    for (const WorkVersion& version : hit.other_versions) out += " " + version.id;
    out += "\n";
  }
  return out;
}

class SplitSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_CREATE_OR_OPEN);
      add_documents(writer, library());
      for (const char* gone : {"doc-7", "doc-8", "doc-150"}) {
        writer.delete_document(schema::term(schema::kIdPrefix, gone));
      }
      writer.commit();
    }
    whole_ = open_searcher();
    split_ = open_searcher();
    // A small chunk, so that this small index is split into many chunks; a budget of its own,
    // so that other tests' searches cannot take its cores.
    split_->split_matches(5, budget_);
  }

  // 300 documents: the sample documents over and over, with words mixed in so that weights,
  // snippets and facets differ; each work has versions in several languages, far apart in ids.
  static std::vector<schema::DocRecord> library() {
    const std::vector<schema::DocRecord> samples = sample_documents();
    const std::vector<std::string> extra = {"gifts",   "independence", "judicial",
                                            "conduct", "hospitality",  "integrity"};
    std::vector<schema::DocRecord> out;
    for (int index = 0; index < 300; ++index) {
      schema::DocRecord record = samples[index % samples.size()];
      record.id = "doc-" + std::to_string(index);
      record.work = "work-" + std::to_string(index % 97);
      record.year = 2000 + index % 23;
      for (int word = 0; word < index % 11; ++word) {
        record.text += " " + extra[(index + word) % extra.size()];
      }
      out.push_back(std::move(record));
    }
    return out;
  }

  std::unique_ptr<Searcher> open_searcher() {
    Result<std::unique_ptr<Searcher>> opened = Searcher::open(index_path());
    EXPECT_TRUE(opened.is_ok()) << opened.status().to_string();
    return opened.is_ok() ? std::move(opened).value() : nullptr;
  }

  std::filesystem::path index_path() const { return directory_.path() / "index"; }

  std::string answer(Searcher& searcher, const SearchRequest& request) {
    Result<SearchResults> results = searcher.search(request);
    return results.is_ok() ? described(*results) : "error " + results.status().to_string();
  }

  TemporaryDirectory directory_;
  CoreBudget budget_{8};
  std::unique_ptr<Searcher> whole_;
  std::unique_ptr<Searcher> split_;
};

TEST_F(SplitSearchTest, EveryRequestIsAnsweredAsWithoutTheHelper) {
  ASSERT_TRUE(whole_ && split_);
  std::vector<SearchRequest> requests;
  for (const char* query : {"judges", "gifts independence", "\"judicial conduct\"", "法官",
                            "القضاة", "formación", "code -gifts", "integrity OR hospitality"}) {
    for (int variant = 0; variant < 8; ++variant) {
      SearchRequest request;
      request.query = query;
      request.collapse_translations = variant % 2 == 0;
      if (variant == 2) request.filters[Facet::kType] = {"guidance", "code-of-conduct"};
      if (variant == 3) request.filters[Facet::kLanguage] = {"en"};
      if (variant == 4) request.page = 2, request.size = 7;
      if (variant == 5) request.home_language = Language::kFr;
      if (variant == 6) request.sort = SortOrder::kNewest;
      if (variant == 7) request.filters[Facet::kTopic] = {"gifts"};
      requests.push_back(request);
    }
  }
  size_t with_hits = 0;
  for (const SearchRequest& request : requests) {
    const std::string expected = answer(*whole_, request);
    EXPECT_EQ(answer(*split_, request), expected) << "query " << request.query;
    with_hits += expected.find("\nhit ") != std::string::npos;
  }
  EXPECT_GT(with_hits, requests.size() / 2);  // the answers compared were not all empty
  EXPECT_GT(split_->split_searches(), requests.size() / 4);  // the helper did take part
  EXPECT_EQ(whole_->split_searches(), 0u);
}

TEST_F(SplitSearchTest, NoFreeCoreMeansNoSplit) {
  ASSERT_TRUE(split_);
  CoreBudget busy(1);  // the search itself takes the only core
  split_->split_matches(5, busy);
  SearchRequest request;
  request.query = "judges";
  EXPECT_EQ(answer(*split_, request), answer(*whole_, request));
  EXPECT_EQ(split_->split_searches(), 0u);
  EXPECT_EQ(busy.in_use(), 0u);  // given back
}

TEST_F(SplitSearchTest, CommitsDuringSplitSearchesNeverGiveAWrongAnswer) {
  ASSERT_TRUE(whole_ && split_);
  std::vector<SearchRequest> requests;
  for (const char* query : {"judges", "gifts independence", "\"judicial conduct\""}) {
    SearchRequest request;
    request.query = query;
    request.filters[Facet::kType] = {"guidance", "code-of-conduct"};
    requests.push_back(request);
  }
  std::vector<std::string> expected;
  for (const SearchRequest& request : requests) expected.push_back(answer(*whole_, request));
  // A writer commits again and again, each time putting back a document exactly as it was (same
  // id, so the same document id and statistics): every revision answers the same, so a split
  // search whose helper meets another revision than its own must notice it, never mix them.
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    Xapian::WritableDatabase database(index_path().string(), Xapian::DB_OPEN);
    const std::vector<schema::DocRecord> records = library();
    for (size_t index = 0; !stop; index = (index + 1) % records.size()) {
      if (index == 7 || index == 8 || index == 150) continue;  // deleted in SetUp
      add_documents(database, {records[index]});
      database.commit();
      ++commits;
    }
  });
  size_t answered = 0;
  size_t refused = 0;
  // At least 2 s, 10 commits and 10 answers (a loaded sanitizer build commits slowly), at most
  // 60 s.
  const auto start = std::chrono::steady_clock::now();
  const auto enough = [&] {
    const auto now = std::chrono::steady_clock::now();
    if (now > start + std::chrono::seconds(60)) return true;
    return now > start + std::chrono::seconds(2) && commits > 10 && answered >= 10;
  };
  while (!enough()) {
    for (size_t index = 0; index < requests.size(); ++index) {
      Result<SearchResults> results = split_->search(requests[index]);
      if (!results.is_ok()) {  // the index kept changing under it: "try again" is allowed
        EXPECT_EQ(results.status().code(), StatusCode::kUnavailable);
        ++refused;
        continue;
      }
      EXPECT_EQ(described(*results), expected[index]) << "query " << requests[index].query;
      ++answered;
    }
  }
  stop = true;
  writer.join();
  EXPECT_GT(commits.load(), 10);
  EXPECT_GT(answered, refused);
}

TEST(SearchHelperTest, ATaskThatThrowsAsksForARetryAndGivesItsCoreBack) {
  TemporaryDirectory directory;
  const std::string path = (directory.path() / "index").string();
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
    add_documents(writer, sample_documents());
    writer.commit();
  }
  const uint64_t revision = Xapian::Database(path).get_revision();
  CoreBudget budget(2);
  SearchHelper helper(path, budget);
  bool ran = false;
  ASSERT_TRUE(helper.start(revision,
                           [&](HelperTools& tools) { ran = tools.database.get_doccount() == 6; }));
  EXPECT_EQ(helper.finish(), SearchHelper::Outcome::kDone);
  EXPECT_TRUE(ran);
  ASSERT_TRUE(
      helper.start(revision, [](HelperTools&) { throw Xapian::DatabaseModifiedError("x"); }));
  EXPECT_EQ(helper.finish(), SearchHelper::Outcome::kFailed);
  ran = false;
  ASSERT_TRUE(helper.start(revision + 1, [&](HelperTools&) { ran = true; }));
  EXPECT_EQ(helper.finish(), SearchHelper::Outcome::kNotRun);  // another revision: not run
  EXPECT_FALSE(ran);
  EXPECT_EQ(budget.in_use(), 0u);
  CoreBudget::SearchHold first(budget);
  CoreBudget::SearchHold second(budget);
  EXPECT_FALSE(helper.start(revision, [](HelperTools&) {}));  // both cores busy
}

}  // namespace
}  // namespace jil::search
