// Tests schema/document_builder.cc: a DocRecord built with the real Analyzer and added to a real
// in-memory Xapian database has its id, filter terms, value slots, positions and weights.
#include "schema/document_builder.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sample_prose.h"
#include "schema/compressed_block.h"
#include "schema/document_data.h"
#include "schema/language_dictionaries.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::schema {
namespace {

DocRecord sample_record() {
  DocRecord record;
  record.id = "ijin-code-2021-en";
  record.work = "ijin-code-2021";
  record.title = "Code of judicial conduct";
  record.language = analysis::Language::kEn;
  record.type = "code-of-conduct";
  record.organisation = "ijin";
  record.country = "FR";
  record.region = "europe-central-asia";
  record.year = 2021;
  record.topics = {"judicial-ethics", "gifts"};
  record.values = {"integrity", "impartiality"};
  record.summary = "How judges refuse gifts.";
  record.source = "codes/ijin-2021.html";
  record.text = "Judges decide every case with independence.\n\nThey declare their assets.";
  record.indexed_at = "2026-11-27T06:00:00Z";
  return record;
}

class DocumentBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value();
    auto builder = DocumentBuilder::create(*analyzer_);
    ASSERT_TRUE(builder.is_ok()) << builder.status().to_string();
    builder_ = std::move(builder).value();
  }

  // Builds `record`, adds it to the database and returns its docid.
  Xapian::docid add(const DocRecord& record) {
    return database_.add_document(builder_->build(record, "fingerprint-1"));
  }

  // Adds a Chinese document of this title and body text (no summary).
  Xapian::docid add_chinese(const std::string& title, const std::string& text) {
    DocRecord record = sample_record();
    record.language = analysis::Language::kZh;
    record.title = title;
    record.summary.clear();
    record.text = text;
    return add(record);
  }

  bool has_term(Xapian::docid docid, const std::string& term) {
    Xapian::TermIterator found = database_.termlist_begin(docid);
    found.skip_to(term);
    return found != database_.termlist_end(docid) && *found == term;
  }

  Xapian::termcount wdf(Xapian::docid docid, const std::string& term) {
    Xapian::TermIterator found = database_.termlist_begin(docid);
    found.skip_to(term);
    if (found == database_.termlist_end(docid) || *found != term) return 0;
    return found.get_wdf();
  }

  std::vector<Xapian::termpos> positions(Xapian::docid docid, const std::string& term) {
    return {database_.positionlist_begin(docid, term), database_.positionlist_end(docid, term)};
  }

  // Number of documents where `first` is directly followed by `second`.
  Xapian::doccount phrase_matches(const std::string& first, const std::string& second) {
    const std::vector<Xapian::Query> words = {Xapian::Query(first), Xapian::Query(second)};
    Xapian::Enquire enquire(database_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
    return enquire.get_mset(0, 10).size();
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<DocumentBuilder> builder_;
  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(DocumentBuilderTest, WritesIdAndFilterTerms) {
  const Xapian::docid docid = add(sample_record());
  for (const char* expected :
       {"Qijin-code-2021-en", "XWijin-code-2021", "Len", "XTcode-of-conduct", "XOijin", "XCfr",
        "XReurope-central-asia", "Y2021", "XKjudicial-ethics", "XKgifts", "XVintegrity",
        "XVimpartiality", "XPcodes/ijin-2021.html"}) {
    EXPECT_TRUE(has_term(docid, expected)) << expected;
  }
  EXPECT_EQ(wdf(docid, "XTcode-of-conduct"), 0u);  // boolean terms do not weigh
}

TEST_F(DocumentBuilderTest, ChineseTextWithAJoinerInsideAHanRunIsIndexed) {
  DocRecord record = sample_record();
  record.language = analysis::Language::kZh;
  record.text = "法官\xE2\x80\x8D独立。司法\xEF\xBB\xBF公正";  // a joiner, a byte order mark
  const Xapian::docid docid = add(record);  // threw "Empty termnames aren't allowed" before
  EXPECT_TRUE(has_term(docid, "官"));
  EXPECT_TRUE(has_term(docid, "独"));
  EXPECT_TRUE(has_term(docid, "公"));
}

TEST_F(DocumentBuilderTest, InternationalDocumentHasNoCountryTerm) {
  DocRecord record = sample_record();
  record.country = "";
  const Xapian::docid docid = add(record);
  Xapian::TermIterator found = database_.termlist_begin(docid);
  found.skip_to(std::string(kCountryPrefix));
  EXPECT_TRUE(found == database_.termlist_end(docid) || !(*found).starts_with(kCountryPrefix))
      << *found;
}

TEST_F(DocumentBuilderTest, FillsValueSlots) {
  const Xapian::Document document = database_.get_document(add(sample_record()));
  EXPECT_EQ(document.get_value(kYearSortSlot), Xapian::sortable_serialise(2021));
  EXPECT_FALSE(document.get_value(kTitleSortSlot).empty());
  EXPECT_EQ(document.get_value(kTitleTextSlot), "Code of judicial conduct");
  EXPECT_EQ(document.get_value(kWorkSlot), "ijin-code-2021");
  EXPECT_EQ(document.get_value(kTypeSlot), "code-of-conduct");
  EXPECT_EQ(document.get_value(kLanguageSlot), "en");
  EXPECT_EQ(document.get_value(kCountrySlot), "FR");
  EXPECT_EQ(document.get_value(kRegionSlot), "europe-central-asia");
  EXPECT_EQ(document.get_value(kOrganisationSlot), "ijin");
  EXPECT_EQ(document.get_value(kYearSlot), "2021");
  EXPECT_EQ(document.get_value(kFingerprintSlot), "fingerprint-1");
  EXPECT_EQ(document.get_value(kIndexedAtSlot), "2026-11-27T06:00:00Z");
  EXPECT_EQ(document.get_value(kFirstTopicSlot), "judicial-ethics");
  EXPECT_EQ(document.get_value(kFirstTopicSlot + 1), "gifts");
  EXPECT_EQ(document.get_value(kFirstTopicSlot + 2), "");
  EXPECT_EQ(document.get_value(kFirstValueSlot), "integrity");
  EXPECT_EQ(document.get_value(kFirstValueSlot + 1), "impartiality");
}

TEST_F(DocumentBuilderTest, StoresTheRecordAsDocumentData) {
  const DocRecord record = sample_record();
  const Xapian::Document document = database_.get_document(add(record));
  BlockDecompressor decompressor;  // the builder has no dictionary until given one
  Result<DocRecord> stored = from_document_data(document.get_data(), decompressor);
  ASSERT_TRUE(stored.is_ok()) << stored.status().to_string();
  EXPECT_EQ(to_document_data(*stored), to_document_data(record));
}

TEST_F(DocumentBuilderTest, StoresWhereEverySixteenthBodyWordStarts) {
  DocRecord record = sample_record();
  record.text.clear();
  for (int word = 0; word < 40; ++word) record.text += "w" + std::to_string(word) + " ";
  const Xapian::docid docid = add(record);
  const std::string data = database_.get_document(docid).get_data();  // HitData views into it
  BlockDecompressor decompressor;
  Result<HitData> stored = read_hit_data(data, decompressor);
  ASSERT_TRUE(stored.is_ok()) << stored.status().to_string();
  ASSERT_EQ(stored->blocks.starts.size(), 3u);  // words 0, 16 and 32
  const std::string text = *read_text(*stored, 0, stored->text_size, decompressor);
  EXPECT_EQ(text.substr(stored->blocks.starts[0], 3), "w0 ");
  EXPECT_EQ(text.substr(stored->blocks.starts[1], 4), "w16 ");
  EXPECT_EQ(text.substr(stored->blocks.starts[2], 4), "w32 ");
  // The body's word 16 is at Xapian position body_position + 16.
  EXPECT_EQ(positions(docid, "w16"),
            std::vector<Xapian::termpos>{stored->blocks.body_position + 16});
}

TEST_F(DocumentBuilderTest, BodyWordsHavePositions) {
  const Xapian::docid docid = add(sample_record());
  EXPECT_EQ(positions(docid, "independence").size(), 1u);
  EXPECT_EQ(positions(docid, "assets").size(), 1u);
  EXPECT_EQ(positions(docid, "judicial").size(), 1u);  // title
}

TEST_F(DocumentBuilderTest, ExactAndStemTermsHaveNoPositions) {
  DocRecord record = sample_record();
  record.text += " Égalité devant la loi.";
  const Xapian::docid docid = add(record);
  ASSERT_TRUE(has_term(docid, "Eégalité"));
  EXPECT_TRUE(positions(docid, "Eégalité").empty());
  ASSERT_TRUE(has_term(docid, "Zindepend"));
  EXPECT_TRUE(positions(docid, "Zindepend").empty());
}

TEST_F(DocumentBuilderTest, ExactTermOnlyWhereItDiffersFromTheFoldedForm) {
  DocRecord record = sample_record();
  record.text += " Égalité devant la loi.";
  const Xapian::docid docid = add(record);
  EXPECT_TRUE(has_term(docid, "egalite"));  // folded, positional
  EXPECT_TRUE(has_term(docid, "Eégalité"));
  EXPECT_TRUE(has_term(docid, "independence"));
  EXPECT_FALSE(has_term(docid, "Eindependence"));  // the unprefixed form says it already
}

// A word that is its own stem ("public") is its unprefixed term only; searchd looks stems up
// under both spellings (query_builder.cc).
TEST_F(DocumentBuilderTest, StemTermOnlyForWordsThatAreNotTheirOwnStem) {
  DocRecord record = sample_record();
  record.text += " Public hearings.";
  const Xapian::docid own_stem = add(record);
  EXPECT_TRUE(has_term(own_stem, "public"));
  EXPECT_FALSE(has_term(own_stem, "Zpublic"));
  EXPECT_TRUE(has_term(own_stem, "Zhear"));  // "hearings" is not "hear"
  record.id += "-2";
  record.text += " Judges speak publicly.";
  const Xapian::docid other_form = add(record);
  EXPECT_EQ(wdf(other_form, "Zpublic"), kBodyWdf);  // "publicly" only, not "public"
}

// The data of each document is compressed with its own language's dictionary; a language
// without one gets none (schema/language_dictionaries.h).
TEST_F(DocumentBuilderTest, CompressesWithTheDictionaryOfTheDocumentsLanguage) {
  const auto trained = [](size_t total) -> std::shared_ptr<const TextDictionary> {
    Result<std::shared_ptr<const TextDictionary>> made =
        TextDictionary::train(prose_samples(total, kTextBlockBytes));
    EXPECT_TRUE(made.is_ok()) << made.status().to_string();
    return made.is_ok() ? *made : nullptr;
  };
  const std::shared_ptr<const TextDictionary> english = trained(1024 * 1024);
  const std::shared_ptr<const TextDictionary> french = trained(1536 * 1024);
  ASSERT_TRUE(english && french);
  ASSERT_NE(english->id(), french->id());
  builder_->use_text_dictionaries(std::make_shared<const LanguageDictionaries>(
      LanguageDictionaries::ByLanguage{{"en", english}, {"fr", french}}, nullptr));
  BlockDecompressor decompressor([&](uint32_t id) {
    for (const auto& dictionary : {english, french}) {
      if (dictionary->id() == id) return dictionary->bytes();
    }
    return std::string();
  });
  const auto dictionary_of = [&](analysis::Language language) -> uint32_t {
    DocRecord record = sample_record();
    record.language = language;
    const std::string data = builder_->build(record, "fingerprint-1").get_data();
    Result<HitData> hit = read_hit_data(data, decompressor);
    EXPECT_TRUE(hit.is_ok()) << hit.status().to_string();
    return hit.is_ok() ? hit->dictionary_id : ~0u;
  };
  EXPECT_EQ(dictionary_of(analysis::Language::kEn), english->id());
  EXPECT_EQ(dictionary_of(analysis::Language::kFr), french->id());
  EXPECT_EQ(dictionary_of(analysis::Language::kRu), 0u);
}

// Han dictionary words are found by their terms, but phrases run over the characters alone
// (searchd's query_builder.cc), so only the characters carry positions.
TEST_F(DocumentBuilderTest, HanWordsHaveNoPositionsAndCharacterPhrasesStillMatch) {
  const Xapian::docid docid = add_chinese("法官", "法官的利益冲突");
  ASSERT_TRUE(has_term(docid, "利益"));
  EXPECT_TRUE(positions(docid, "利益").empty());
  EXPECT_EQ(wdf(docid, "利益"), kBodyWdf);
  EXPECT_EQ(positions(docid, "利").size(), 1u);
  EXPECT_EQ(phrase_matches("利", "益"), 1u);
  EXPECT_EQ(phrase_matches("益", "冲"), 1u);
  EXPECT_EQ(phrase_matches("冲", "利"), 0u);
}

// Every two Han characters at consecutive positions are a bigram term without positions, across
// dictionary words and punctuation alike (as a phrase query runs); a two-character word is its
// bigram, counted once.
TEST_F(DocumentBuilderTest, AdjacentHanCharactersAreBigramTerms) {
  const Xapian::docid docid = add_chinese("守则", "法官的利益冲突。審判");
  for (const char* bigram : {"法官", "官的", "的利", "利益", "益冲", "冲突", "突审", "审判"}) {
    EXPECT_TRUE(has_term(docid, bigram)) << bigram;
    EXPECT_TRUE(positions(docid, bigram).empty()) << bigram;
  }
  EXPECT_EQ(wdf(docid, "利益"), kBodyWdf);  // the word and its bigram are one term
  EXPECT_EQ(wdf(docid, "守则"), kTitleWdf);
  EXPECT_FALSE(has_term(docid, "则法"));  // the title and the body are a position gap apart
}

TEST_F(DocumentBuilderTest, FieldsAreSeparatedByAPositionGap) {
  // "conduct" ends the title, "how" opens the summary, "judges" opens the body.
  const Xapian::docid docid = add(sample_record());
  const std::vector<Xapian::termpos> title_end = positions(docid, "conduct");
  const std::vector<Xapian::termpos> summary_start = positions(docid, "how");
  ASSERT_EQ(title_end.size(), 1u);
  ASSERT_EQ(summary_start.size(), 1u);
  EXPECT_GE(summary_start[0], title_end[0] + kFieldPositionGap);
  const std::vector<Xapian::termpos> judges = positions(docid, "judges");
  ASSERT_EQ(judges.size(), 2u);  // summary and body
  EXPECT_GE(judges[1], judges[0] + kFieldPositionGap);
}

TEST_F(DocumentBuilderTest, PhraseDoesNotSpanTitleAndBody) {
  DocRecord record = sample_record();
  record.summary.clear();
  add(record);
  EXPECT_EQ(phrase_matches("conduct", "judges"), 0u);
  EXPECT_EQ(phrase_matches("judicial", "conduct"), 1u);
}

TEST_F(DocumentBuilderTest, TitleWordsWeighMoreThanSummaryAndBodyWords) {
  const Xapian::docid docid = add(sample_record());
  EXPECT_EQ(wdf(docid, "conduct"), kTitleWdf);
  EXPECT_EQ(wdf(docid, "refuse"), kSummaryWdf);
  EXPECT_EQ(wdf(docid, "independence"), kBodyWdf);
  EXPECT_GT(kTitleWdf, kSummaryWdf);
  EXPECT_GT(kSummaryWdf, kBodyWdf);
}

TEST_F(DocumentBuilderTest, TitleSortKeyOrdersTitlesIgnoringCase) {
  DocRecord record = sample_record();
  std::vector<std::string> keys;
  for (const char* title : {"apple", "Banana", "cherry", "Éclair"}) {
    record.title = title;
    keys.push_back(builder_->build(record, "").get_value(kTitleSortSlot));
  }
  EXPECT_LT(keys[0], keys[1]);
  EXPECT_LT(keys[1], keys[2]);
  EXPECT_LT(keys[2], keys[3]);
}

TEST_F(DocumentBuilderTest, AddTextTermsReturnsTheNextFreePosition) {
  Xapian::Document document;
  const auto tokens = analyzer_->analyze("one two three", analysis::Language::kEn);
  EXPECT_EQ(add_text_terms(document, tokens, 10, 1), 13u);
  EXPECT_EQ(add_text_terms(document, {}, 10, 1), 10u);
}

}  // namespace
}  // namespace jil::schema
