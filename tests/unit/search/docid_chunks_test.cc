// Tests search/docid_chunks.cc: the parts of an index's document ids are disjoint, cover every
// id, and as a query filter split a real Xapian match into parts whose matches, with their
// weights, are exactly the whole match's.
#include "search/docid_chunks.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace jil::search {
namespace {

// Every id the source gives from its start, with next().
std::vector<Xapian::docid> walk(DocidChunks& source, const Xapian::Database& database) {
  source.init(database);
  std::vector<Xapian::docid> ids;
  for (source.next(0); !source.at_end(); source.next(0)) ids.push_back(source.get_docid());
  return ids;
}

class DocidChunksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<std::string> words = {"judge", "court", "ethics", "gift"};
    for (int index = 0; index < 103; ++index) {
      Xapian::Document document;
      // Lengths and word counts vary, so that BM25 weights differ from document to document.
      for (int word = 0; word <= index % 7; ++word) {
        document.add_term(words[(index + word) % words.size()], 1 + (index % 3));
      }
      database_.add_document(document);
    }
    for (Xapian::docid gap : {5U, 6U, 40U, 103U}) database_.delete_document(gap);
  }

  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(DocidChunksTest, PartsAreDisjointAndCoverEveryId) {
  // The last document is deleted, yet still counts in the last id.
  ASSERT_EQ(database_.get_lastdocid(), 103U);
  std::set<Xapian::docid> existing;
  for (auto id = database_.postlist_begin(""); id != database_.postlist_end(""); ++id) {
    existing.insert(*id);
  }
  for (Xapian::docid chunk : {1U, 3U, 7U, 50U, 1024U}) {
    for (Xapian::docid parts : {1U, 2U, 3U}) {
      std::set<Xapian::docid> seen;
      for (Xapian::docid part = 0; part < parts; ++part) {
        DocidChunks source(chunk, parts, part);
        const std::vector<Xapian::docid> ids = walk(source, database_);
        EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
        // The ids of deleted documents match nothing; the bounds count documents.
        size_t documents = 0;
        for (Xapian::docid id : ids) documents += existing.count(id);
        EXPECT_LE(documents, source.get_termfreq_max()) << chunk << " " << parts << " " << part;
        EXPECT_LE(source.get_termfreq_est(), source.get_termfreq_max());
        for (Xapian::docid id : ids) {
          EXPECT_TRUE(source.holds(id));
          EXPECT_EQ(((id - 1) / chunk) % parts, part);
          EXPECT_TRUE(seen.insert(id).second) << "id " << id << " in two parts";
        }
      }
      EXPECT_EQ(seen.size(), database_.get_lastdocid()) << "chunk " << chunk << " parts " << parts;
      EXPECT_EQ(*seen.begin(), 1U);
      EXPECT_EQ(*seen.rbegin(), database_.get_lastdocid());
    }
  }
}

TEST_F(DocidChunksTest, SkipToLandsOnTheFirstHeldIdAtOrAfterTheTarget) {
  for (Xapian::docid target = 1; target <= 110; ++target) {
    DocidChunks source(4, 3, 1);  // ids 5-8, 17-20, 29-32, ...
    source.init(database_);
    source.skip_to(target, 0);
    Xapian::docid expected = target;
    while (expected <= database_.get_lastdocid() && !source.holds(expected)) ++expected;
    if (expected > database_.get_lastdocid()) {
      EXPECT_TRUE(source.at_end()) << "target " << target;
    } else {
      ASSERT_FALSE(source.at_end()) << "target " << target;
      EXPECT_EQ(source.get_docid(), expected) << "target " << target;
      source.skip_to(1, 0);  // backwards: stays
      EXPECT_EQ(source.get_docid(), expected);
    }
  }
}

TEST_F(DocidChunksTest, FilteredPartsHoldTheWholeMatchWithItsWeights) {
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("judge"), Xapian::Query("gift"));
  std::map<Xapian::docid, double> whole;
  {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    const Xapian::MSet all = enquire.get_mset(0, database_.get_doccount());
    for (auto match = all.begin(); match != all.end(); ++match) whole[*match] = match.get_weight();
  }
  ASSERT_GT(whole.size(), 40U);
  std::set<double> weights;
  for (const auto& [id, weight] : whole) weights.insert(weight);
  ASSERT_GT(weights.size(), 5U);  // a test of weights needs different weights
  std::map<Xapian::docid, double> merged;
  for (Xapian::docid part = 0; part < 2; ++part) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query((new DocidChunks(8, 2, part))->release())));
    const Xapian::MSet some = enquire.get_mset(0, database_.get_doccount());
    EXPECT_GT(some.size(), 10U);
    for (auto match = some.begin(); match != some.end(); ++match) {
      EXPECT_TRUE(merged.emplace(*match, match.get_weight()).second) << "docid " << *match;
    }
  }
  EXPECT_EQ(merged, whole);  // weights compared exactly
}

}  // namespace
}  // namespace jil::search
