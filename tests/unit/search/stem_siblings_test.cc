// Tests search/stem_siblings.cc and the phrase widening of search/query_builder.cc on a real
// on-disk index written through the document builder: a phrase meets its words in any inflection
// the library has ("конфликта интересов" for "конфликт интересов"; Arabic words with attached
// conjunctions and articles), in order only, and `=` words stay as typed.
#include "search/stem_siblings.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/document_builder.h"
#include "search/query_builder.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;
using Ids = std::vector<Xapian::docid>;
using Forms = std::vector<std::string>;

class StemSiblingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value();
    add("judge-forms", "The judge judged; judges are judging. A judgmental tone.", Language::kEn);
    add("plural", "They declared conflicts of interests to the court.", Language::kEn);
    add("apart", "A conflict arose; the interest of justice was served.", Language::kEn);
    add("genitive", "Судья сообщает о наличии конфликта интересов председателю суда.",
        Language::kRu);
    add("french", "Les conflits d'intérêts doivent être déclarés.", Language::kFr);
    add("arabic", "يحرص القاضي على ونزاهة والقضاء وباستقلال القضاة.", Language::kAr);
    // Broken plurals (courts, their rulings, cases, judges) and their singulars, apart.
    add("arabic-plurals", "أصدرت المحاكم أحكامها في قضايا الفساد وشهد القضاة.", Language::kAr);
    add("arabic-singulars", "أصدرت المحكمة حكما في قضية فساد ومصادرة أموال.", Language::kAr);
    writer_.commit();
  }

  void add(const std::string& id, const std::string& text, Language language) {
    schema::DocRecord record;
    record.id = id;
    record.work = id;
    record.title = "Title";
    record.summary = "Summary";
    record.language = language;
    record.year = 2020;
    record.text = text;
    auto builder = schema::DocumentBuilder::create(*analyzer_);
    ASSERT_TRUE(builder.is_ok());
    writer_.add_document((*builder)->build(record, "fingerprint"));
  }

  // Ids (documents' titles are all alike, so docids stand for them) that `query` finds.
  std::vector<Xapian::docid> found(const std::string& query, Language language) {
    StemSiblings siblings(writer_, *analyzer_);
    Result<BuiltQuery> built = build_query(*parse_query(query), *analyzer_, language, &siblings);
    EXPECT_TRUE(built.is_ok()) << built.status().to_string();
    if (!built.is_ok()) return {};
    Xapian::Enquire enquire(writer_);
    enquire.set_query(built->query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> ids;
    for (const Xapian::docid id : enquire.get_mset(0, 100)) ids.push_back(id);
    return ids;
  }

  TemporaryDirectory directory_;
  Xapian::WritableDatabase writer_{(directory_.path() / "index").string(), Xapian::DB_CREATE};
  std::unique_ptr<analysis::Analyzer> analyzer_;
};

constexpr Xapian::docid kJudgeForms = 1, kPlural = 2, kApart = 3, kGenitive = 4, kFrench = 5,
                        kArabic = 6, kArabicPlurals = 7, kArabicSingulars = 8;

TEST_F(StemSiblingsTest, FormsAreTheIndexsWordsWithThatStemOnly) {
  StemSiblings siblings(writer_, *analyzer_);
  // "judgmental" starts with "judg" but stems to "judgment": not a form of "judg".
  EXPECT_EQ(siblings.forms("judg", Language::kEn), (Forms{"judge", "judged", "judges", "judging"}));
  EXPECT_EQ(siblings.forms("интерес", Language::kRu), Forms{"интересов"});
  EXPECT_TRUE(siblings.forms("nowhere", Language::kEn).empty());
}

TEST_F(StemSiblingsTest, APhraseMeetsItsWordsInAnyInflectionInOrder) {
  EXPECT_EQ(found("\"conflict of interest\"", Language::kEn), (Ids{kPlural}));
  EXPECT_EQ(found("\"конфликт интересов\"", Language::kRu), (Ids{kGenitive}));
  EXPECT_EQ(found("\"conflits d'intérêt\"", Language::kFr), (Ids{kFrench}));
  // A hyphenated word is a phrase too.
  EXPECT_EQ(found("conflict-of-interest", Language::kEn), (Ids{kPlural}));
  // Without a language, every language of the script stems it.
  EXPECT_EQ(found("\"конфликт интересов\"", Language::kUnd), (Ids{kGenitive}));
}

TEST_F(StemSiblingsTest, ExactPhrasesAndQuotedSingleWordsAreNotWidened) {
  EXPECT_TRUE(found("=conflict-of-interest", Language::kEn).empty());
  EXPECT_EQ(found("=conflicts-of-interests", Language::kEn), (Ids{kPlural}));
  EXPECT_EQ(found("\"judges\"", Language::kEn), (Ids{kJudgeForms}));
  EXPECT_TRUE(found("\"judgment\"", Language::kEn).empty());
  // The words apart, in another order, are not the phrase.
  EXPECT_TRUE(found("\"interest conflict\"", Language::kEn).empty());
  EXPECT_EQ(found("conflict interest", Language::kEn), (Ids{kPlural, kApart}));
}

TEST_F(StemSiblingsTest, ArabicPhrasesMeetWordsWithAttachedConjunctionsAndArticles) {
  EXPECT_EQ(found("\"نزاهة القضاء\"", Language::kAr), (Ids{kArabic}));
  EXPECT_EQ(found("\"نزاهة قضاء\"", Language::kAr), (Ids{kArabic}));
  EXPECT_EQ(found("\"استقلال القضاة\"", Language::kAr), (Ids{kArabic}));
  EXPECT_EQ(found("\"على نزاهة\"", Language::kAr), (Ids{kArabic}));
  EXPECT_EQ(found("\"قاضي على\"", Language::kAr), (Ids{kArabic}));
}

// A broken plural shares no stem with its singular (Snowball: قضاة → قضا, قاضي → قاض); the
// analyzer indexes and queries the listed ones also as their singulars (arabic_broken_plurals.h).
TEST_F(StemSiblingsTest, ArabicBrokenPluralsAndTheirSingularsFindEachOther) {
  EXPECT_EQ(found("قاضي", Language::kAr), (Ids{kArabic, kArabicPlurals}));
  EXPECT_EQ(found("محكمة", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  EXPECT_EQ(found("المحاكم", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  EXPECT_EQ(found("قضية", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  // With a possessive pronoun: أحكامها (its rulings) is a plural of حكم.
  EXPECT_EQ(found("الحكم", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  // In phrases too, either way: "المحاكم أحكامها" and "المحكمة حكما" are both the court's
  // rulings.
  EXPECT_EQ(found("\"المحكمة أحكام\"", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  EXPECT_EQ(found("\"المحاكم حكم\"", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  EXPECT_TRUE(found("\"أحكام المحكمة\"", Language::kAr).empty());  // in order only
  EXPECT_EQ(found("\"قضية الفساد\"", Language::kAr), (Ids{kArabicPlurals, kArabicSingulars}));
  // مصادرة (confiscation) is not مصادر (sources) with a pronoun: "source" does not find it.
  EXPECT_TRUE(found("مصدر", Language::kAr).empty());
}

}  // namespace
}  // namespace jil::search
