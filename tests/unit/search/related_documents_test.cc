// Tests search/related_documents.cc (through Searcher::related) on a real on-disk index: the
// document's own work is left out, neighbours share its words, the reader's language comes first
// through the work's version in that language, and the count is a limit.
#include "search/related_documents.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sample_documents.h"
#include "search/searcher.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;
using Ids = std::vector<std::string>;

std::vector<schema::DocRecord> related_sample() {
  return {
      sample_record("gifts-en", "gifts", Language::kEn, "guidance", 2020, "Gifts to judges", {},
                    "Judges must refuse gifts and hospitality from parties."),
      sample_record("gifts-fr", "gifts", Language::kFr, "guidance", 2020, "Cadeaux aux juges", {},
                    "Les juges refusent cadeaux et hospitalité des parties."),
      sample_record("hospitality-en", "hospitality-en", Language::kEn, "report", 2021,
                    "Hospitality", {}, "Hospitality offered to judges: gifts, dinners, travel."),
      sample_record("dinners-fr", "dinners-fr", Language::kFr, "report", 2021, "Dîners", {},
                    "Cadeaux offerts aux juges : hospitalité, dîners, voyages."),
      sample_record("budget-en", "budget-en", Language::kEn, "report", 2022, "Budget", {},
                    "Court budget, building maintenance."),
  };
}

class RelatedDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Xapian::WritableDatabase writer((directory_.path() / "index").string(),
                                      Xapian::DB_CREATE_OR_OPEN);
      add_documents(writer, related_sample());
      writer.commit();
    }
    Result<std::unique_ptr<Searcher>> opened = Searcher::open(directory_.path() / "index");
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  Ids related(const std::string& id, Language reader, size_t count = kRelatedDocuments) {
    Result<schema::DocRecord> record = searcher_->document(id);
    EXPECT_TRUE(record.is_ok()) << record.status().to_string();
    if (!record.is_ok()) return {};
    Result<std::vector<schema::DocRecord>> found = searcher_->related(*record, reader, count);
    EXPECT_TRUE(found.is_ok()) << found.status().to_string();
    Ids ids;
    if (found.is_ok()) {
      for (const auto& neighbour : *found) {
        EXPECT_TRUE(neighbour.text.empty()) << neighbour.id << " comes with its text";
        ids.push_back(neighbour.id);
      }
    }
    return ids;
  }

  TemporaryDirectory directory_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(RelatedDocumentsTest, FindsNeighboursButNeverTheWorkItself) {
  // gifts-fr is the same work in French; budget-en shares no word.
  EXPECT_EQ(related("gifts-en", Language::kUnd), (Ids{"hospitality-en"}));
}

TEST_F(RelatedDocumentsTest, ReadersLanguageComesFirstThroughTheWorksVersionInIt) {
  EXPECT_EQ(related("gifts-en", Language::kFr), (Ids{"dinners-fr", "hospitality-en"}));
  EXPECT_EQ(related("gifts-en", Language::kEn), (Ids{"hospitality-en"}));
}

TEST_F(RelatedDocumentsTest, CountIsALimit) {
  EXPECT_EQ(related("gifts-en", Language::kFr, 1), (Ids{"dinners-fr"}));
}

TEST_F(RelatedDocumentsTest, RecordNoLongerInTheIndexIsNotFound) {
  schema::DocRecord gone = related_sample().front();
  gone.id = "no-such-id";
  Result<std::vector<schema::DocRecord>> found =
      searcher_->related(gone, Language::kEn, kRelatedDocuments);
  ASSERT_FALSE(found.is_ok());
  EXPECT_EQ(found.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace jil::search
