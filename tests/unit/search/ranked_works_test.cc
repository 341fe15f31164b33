// Tests search/ranked_works.cc against Xapian's own collapse key on a real in-memory database of
// 600 documents with random words, works of one to four versions and documents without a work:
// every page, collapsed or not, must list the same documents with the same weights in the same
// order, and the totals must be the exact number of works (or documents). The searches of a test
// share one scratch table, as a searchd thread's do: each must leave it clean for the next.
// Collapsed for a reader, each result names its version in the reader's language, which must be
// the one TranslationCollapse::shown_version finds with a match of its own.
#include "search/ranked_works.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "schema/filter_terms.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "search/docid_chunks.h"
#include "search/translation_collapse.h"

namespace jil::search {
namespace {

class RankedWorksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 random(20261126);
    const std::vector<std::string> words = {"judge", "court",   "ethics", "bias",
                                            "gift",  "recusal", "oath",   "duty"};
    int work = 0;
    for (int index = 0; index < 600; ++index) {
      Xapian::Document document;
      const int length = 1 + static_cast<int>(random() % 30);
      for (int word = 0; word < length; ++word) {
        document.add_term(words[random() % words.size()]);
      }
      if (random() % 5 != 0) {          // one in five has no work
        if (random() % 3 == 0) ++work;  // about three versions per work
        const std::string work_id = "work-" + std::to_string(work);
        document.add_value(schema::kWorkSlot, work_id);
        document.add_boolean_term(schema::term(schema::kWorkPrefix, work_id));
      }
      const std::string language = languages_[random() % languages_.size()];
      document.add_value(schema::kLanguageSlot, language);
      document.add_boolean_term(schema::filter_term(schema::Facet::kLanguage, language));
      database_.add_document(document);
    }
    columns_.refresh(database_, 1, {schema::kWorkSlot, schema::kLanguageSlot});
  }

  // What Xapian gives for the page, as "docid:weight" entries, and its total.
  std::vector<std::string> xapian_page(const Xapian::Query& query, bool collapse, size_t offset,
                                       size_t size, uint64_t& total) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    if (collapse) enquire.set_collapse_key(schema::kWorkSlot);
    const Xapian::MSet page =
        enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(size),
                         database_.get_doccount());
    std::vector<std::string> out;
    for (auto match = page.begin(); match != page.end(); ++match) {
      out.push_back(std::to_string(*match) + ":" + std::to_string(match.get_weight()));
    }
    total = exact_total(query, collapse);
    return out;
  }

  // Works among all matches (each document without a work counted once), or matches.
  uint64_t exact_total(const Xapian::Query& query, bool collapse) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    const Xapian::MSet all = enquire.get_mset(0, database_.get_doccount());
    std::set<std::string> works;
    uint64_t without_work = 0;
    for (auto match = all.begin(); match != all.end(); ++match) {
      const std::string work = match.get_document().get_value(schema::kWorkSlot);
      if (!collapse || work.empty()) {
        ++without_work;
      } else {
        works.insert(work);
      }
    }
    return works.size() + without_work;
  }

  // Entries "docid:weight", with "=>shown" when the result names another version to show.
  static std::string entry(const RankedMatch& match) {
    std::string out = std::to_string(match.docid) + ":" + std::to_string(match.weight);
    if (match.shown != 0) out += "=>" + std::to_string(match.shown);
    return out;
  }

  std::vector<std::string> spy_page(const Xapian::Query& query, bool collapse, size_t offset,
                                    size_t size, uint64_t& total, std::string_view home = {}) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    RankedWorks ranked(columns_, collapse, offset + size, scratch_, home);
    enquire.add_matchspy(&ranked);
    enquire.get_mset(0, 0, database_.get_doccount());
    std::vector<std::string> out;
    for (const RankedMatch& match : ranked.page(offset, size)) out.push_back(entry(match));
    total = ranked.total();
    return out;
  }

  // The page and total of two spies, each over one part of the ids (docid_chunks.h), merged.
  std::vector<std::string> merged_page(const Xapian::Query& query, bool collapse, size_t offset,
                                       size_t size, uint64_t& total, std::string_view home = {}) {
    RankedWorks first(columns_, collapse, offset + size, scratch_, home);
    RankedWorks second(columns_, collapse, offset + size, other_scratch_, home);
    for (Xapian::docid part = 0; part < 2; ++part) {
      Xapian::Enquire enquire(database_);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                      Xapian::Query((new DocidChunks(16, 2, part))->release())));
      enquire.add_matchspy(part == 0 ? &first : &second);
      enquire.get_mset(0, 0, database_.get_doccount());
    }
    first.merge(second);
    std::vector<std::string> out;
    for (const RankedMatch& match : first.page(offset, size)) out.push_back(entry(match));
    total = first.total();
    return out;
  }

  // Every entry of a scratch is zero again.
  static bool clean(const RankedScratch& scratch) {
    for (const auto* table : {&scratch.best_of_work, &scratch.best_at_home}) {
      for (const RankedMatch& entry : *table) {
        if (entry.docid != 0 || entry.shown != 0 || entry.weight != 0) return false;
      }
    }
    return true;
  }

  const std::vector<std::string> languages_ = {"en", "fr", "es"};
  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  FacetColumns columns_;
  RankedScratch scratch_;        // shared by every search of a test, as in a Searcher
  RankedScratch other_scratch_;  // a helper thread's
};

TEST_F(RankedWorksTest, PagesEqualXapiansCollapseAndTotalsAreExact) {
  const std::vector<Xapian::Query> queries = {
      Xapian::Query("judge"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("bias"), Xapian::Query("gift")),
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("oath"), Xapian::Query("duty")),
      Xapian::Query("absent")};
  size_t compared = 0;
  for (const Xapian::Query& query : queries) {
    for (bool collapse : {true, false}) {
      for (size_t offset : {0, 10, 20, 590}) {
        uint64_t expected_total = 0;
        uint64_t total = 0;
        const std::vector<std::string> expected =
            xapian_page(query, collapse, offset, 10, expected_total);
        EXPECT_EQ(spy_page(query, collapse, offset, 10, total), expected)
            << query.get_description() << " collapse " << collapse << " offset " << offset;
        EXPECT_EQ(total, expected_total) << query.get_description() << " collapse " << collapse;
        compared += expected.size();
      }
    }
  }
  EXPECT_GT(compared, 100u);  // the pages were not all empty
  EXPECT_TRUE(clean(scratch_));
}

TEST_F(RankedWorksTest, MergedPartsRankAndCountAsTheWholeMatch) {
  const std::vector<Xapian::Query> queries = {
      Xapian::Query("judge"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("bias"), Xapian::Query("gift")),
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("oath"), Xapian::Query("duty"))};
  size_t compared = 0;
  for (const Xapian::Query& query : queries) {
    for (bool collapse : {true, false}) {
      for (size_t offset : {0, 10, 30}) {
        uint64_t whole_total = 0;
        uint64_t merged_total = 0;
        const std::vector<std::string> whole =
            spy_page(query, collapse, offset, 10, whole_total, "fr");
        EXPECT_EQ(merged_page(query, collapse, offset, 10, merged_total, "fr"), whole)
            << query.get_description() << " collapse " << collapse << " offset " << offset;
        EXPECT_EQ(merged_total, whole_total) << query.get_description() << " " << collapse;
        compared += whole.size();
      }
    }
  }
  EXPECT_GT(compared, 100u);
  EXPECT_TRUE(clean(scratch_));
  EXPECT_TRUE(clean(other_scratch_));
}

TEST_F(RankedWorksTest, EachCollapsedResultNamesTheVersionShownInTheReadersLanguage) {
  SearchRequest request;
  request.home_language = analysis::Language::kFr;
  const TranslationCollapse collapse(request, &columns_);
  ASSERT_TRUE(collapse.enabled());
  size_t named = 0;
  size_t compared = 0;
  for (const Xapian::Query& query :
       {Xapian::Query("judge"),
        Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("oath"), Xapian::Query("duty"))}) {
    RankedWorks ranked(columns_, true, 200, scratch_, "fr");
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.add_matchspy(&ranked);
    enquire.get_mset(0, 0, database_.get_doccount());
    for (const RankedMatch& match : ranked.page(0, 200)) {
      const Xapian::docid expected =
          collapse.shown_version(database_, query, database_.get_document(match.docid)).get_docid();
      EXPECT_EQ(match.shown != 0 ? match.shown : match.docid, expected)
          << query.get_description() << " result " << match.docid;
      if (match.shown != 0) {
        ++named;
        EXPECT_EQ(database_.get_document(match.shown).get_value(schema::kLanguageSlot), "fr");
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 100u);
  EXPECT_GT(named, 10u);  // some best versions were not in French and had a French one
  // Without a reader's language, or in a language no document has, no result names another.
  uint64_t total = 0;
  for (const std::string& entry : spy_page(Xapian::Query("judge"), true, 0, 200, total, "ar")) {
    EXPECT_EQ(entry.find("=>"), std::string::npos) << entry;
  }
  for (const std::string& entry : spy_page(Xapian::Query("judge"), true, 0, 200, total)) {
    EXPECT_EQ(entry.find("=>"), std::string::npos) << entry;
  }
  EXPECT_TRUE(clean(scratch_));
}

TEST_F(RankedWorksTest, CollapsingKeepsOneVersionPerWork) {
  uint64_t total = 0;
  const std::vector<std::string> page = spy_page(Xapian::Query("judge"), true, 0, 200, total);
  std::set<std::string> works;
  for (const std::string& entry : page) {
    const Xapian::docid docid = static_cast<Xapian::docid>(std::stoul(entry));
    const std::string work = database_.get_document(docid).get_value(schema::kWorkSlot);
    if (!work.empty()) {
      EXPECT_TRUE(works.insert(work).second) << "work " << work << " twice";
    }
  }
  EXPECT_GT(works.size(), 20u);
  uint64_t documents = 0;
  spy_page(Xapian::Query("judge"), false, 0, 10, documents);
  EXPECT_GT(documents, total);  // translations collapsed
}

}  // namespace
}  // namespace jil::search
