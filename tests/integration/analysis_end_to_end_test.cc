// Every analysis rule end to end, over HTTP against the indexed corpus: what the indexer made
// of a document meets what searchd makes of the query. A quoted word is not stemmed, so
// "quoted" queries below isolate folding rules from stemming. Ids were checked in corpus/.
#include <gtest/gtest.h>

#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using Ids = std::set<std::string>;

// The ids of `expected` that `found` lacks (empty when all were found: readable on failure).
Ids missing(const Ids& found, const Ids& expected) {
  Ids absent;
  for (const auto& id : expected) {
    if (!found.count(id)) absent.insert(id);
  }
  return absent;
}

// French documents that write "égalité" (never "egalite").
const Ids kEgaliteDocuments = {"case-assignment-model-law-fr",
                               "formation-genre-egalite-integrite-fr", "model-code-fr",
                               "recueil-principes-deontologiques-magistrats-fr"};

TEST(AccentAndCaseFolding, UnaccentedAndUpperCaseQueriesFindAccentedWords) {
  const Ids plain = ids_for("egalite");
  EXPECT_EQ(missing(plain, kEgaliteDocuments), Ids{});
  EXPECT_EQ(ids_for("EGALITE"), plain);
  EXPECT_EQ(ids_for("égalité"), plain);
  EXPECT_EQ(missing(ids_for("\"egalite\""), kEgaliteDocuments), Ids{});
}

TEST(ExactFormOperator, KeepsAccentsButFoldsCase) {
  EXPECT_EQ(ids_for("=égalité"), kEgaliteDocuments);
  EXPECT_EQ(ids_for("=Égalité"), kEgaliteDocuments);
  EXPECT_EQ(ids_for("=égalités"), Ids{}) << "no stemming after =";
  // Accents are enforced only when typed: the index keeps an exact term only for words whose
  // exact form differs from the folded one, so "=egalite" means "egalite, unstemmed".
  EXPECT_EQ(ids_for("=egalite"), kEgaliteDocuments);
}

TEST(RussianYo, YoAndYeSpellingsFindEachOther) {
  // ё only: отчёт, Отчёт, отчётный, отчёте.
  const Ids yo_documents = {"asset-declaration-report-ru", "case-assignment-model-law-ru",
                            "court-openness-checklist-uz-ru", "gender-toolkit-ru",
                            "gifts-rules-kz-ru"};
  // е only: отчет, отчетов.
  const Ids ye_documents = {"disciplinary-practice-review-2016-ru",
                            "judges-conduct-rules-1999-by-ru"};
  const Ids with_ye = ids_for("\"отчет\"");
  const Ids with_yo = ids_for("\"отчёт\"");
  EXPECT_EQ(missing(with_ye, yo_documents), Ids{});
  EXPECT_EQ(missing(with_yo, ye_documents), Ids{});
  EXPECT_EQ(with_ye, with_yo);
  EXPECT_EQ(ids_for("отчет"), ids_for("отчёт"));
}

TEST(FrenchElision, WordFindsItsElidedForm) {
  // Writes only "l'éducation".
  const Ids education = {"formation-genre-egalite-integrite-fr"};
  EXPECT_EQ(missing(ids_for("éducation"), education), Ids{});
  EXPECT_EQ(ids_for("\"éducation\""), education);
  EXPECT_EQ(missing(ids_for("l'éducation"), education), Ids{});
  EXPECT_EQ(missing(ids_for("l\u2019éducation"), education), Ids{});  // typographic apostrophe
  // Write "d'intérêts" and never "intérêts" alone.
  const Ids interets = {"loi-declaration-patrimoine-magistrats-fr",
                        "outil-autodiagnostic-integrite-juridictions-fr",
                        "rapport-activite-conseil-magistrature-2023-fr"};
  EXPECT_EQ(missing(ids_for("\"intérêts\""), interets), Ids{});
  EXPECT_EQ(missing(ids_for("intérêts", "&lang=fr"), interets), Ids{});
  EXPECT_EQ(missing(ids_for("=intérêts"), interets), Ids{});
}

const char kTraineeHandbook[] = "judicial-ethics-trainee-handbook-ar";

TEST(ArabicFolding, HarakatAreIgnored) {
  // The handbook's vocalised paragraph is the only place with زِينَةً and جَمِيعًا.
  EXPECT_EQ(ids_for("\"زينة\""), Ids{kTraineeHandbook});
  EXPECT_EQ(ids_for("\"جميعا\""), Ids{kTraineeHandbook});
  const Ids judge = ids_for("القاضي");
  EXPECT_TRUE(judge.count(kTraineeHandbook));
  EXPECT_EQ(ids_for("القَاضِي"), judge) << "a vocalised query finds what a plain one finds";
}

TEST(ArabicFolding, TatweelIsIgnored) {
  // The handbook writes the word only in its heading "استقلال القضــــاء".
  EXPECT_TRUE(ids_for("\"القضاء\"").count(kTraineeHandbook));
  EXPECT_TRUE(ids_for("قضاء").count(kTraineeHandbook));
  EXPECT_TRUE(ids_for("\"استقلال القضاء\"").count(kTraineeHandbook));
  EXPECT_EQ(ids_for("القضــــاء"), ids_for("القضاء"));
}

TEST(ArabicFolding, ProcliticsAreSplitOff) {
  // The annual report writes only "بالمحكمة"; quoted, so no stemming is involved.
  EXPECT_TRUE(ids_for("\"المحكمة\"").count("judicial-council-annual-report-2022-ar"));
  EXPECT_TRUE(ids_for("المحكمة").count("judicial-council-annual-report-2022-ar"));
}

TEST(ArabicFolding, PresentationFormsAreNormalised) {
  // Words found only in the charter's presentation-forms paragraph (with ﻻ ligatures).
  const Ids charter = {"judicial-ethics-charter-2001-ar"};
  EXPECT_EQ(ids_for("\"ركنين\""), charter);
  EXPECT_EQ(ids_for("\"ينفصلان\""), charter);
  EXPECT_EQ(ids_for("\"والاحترام\""), charter);
  EXPECT_TRUE(ids_for("الاستقلال").count("judicial-ethics-charter-2001-ar"));
}

TEST(ChineseFolding, TraditionalAndSimplifiedFindTheSameDocuments) {
  const Ids conflict = ids_for("利益冲突");
  EXPECT_EQ(missing(conflict, {"coi-guidance-zh", "court-integrity-report-2012-mo-zh",  // 衝
                               "court-staff-integrity-code-sg-zh", "model-code-zh"}),   // 冲
            Ids{});
  EXPECT_EQ(ids_for("利益衝突"), conflict);
  const Ids declaration = ids_for("财产申报");
  EXPECT_EQ(
      missing(declaration, {"court-integrity-report-2012-mo-zh", "gifts-hospitality-training-hk-zh",
                            "asset-declaration-report-zh", "judge-discipline-procedure-rules-zh"}),
      Ids{});
  EXPECT_EQ(ids_for("財產申報"), declaration);
}

TEST(ChineseSegmentation, FineSegmentsMatchInsideLongerWords) {
  // judicial-openness-report-2021-zh has 农业 only inside 中国农业发展银行.
  EXPECT_TRUE(ids_for("农业").count("judicial-openness-report-2021-zh"));
  EXPECT_TRUE(ids_for("\"農業\"").count("judicial-openness-report-2021-zh"));
}

TEST(Stemming, SingularFindsDocumentsWithOnlyOtherForms) {
  // social-media-guidelines-fr writes only "magistrats".
  EXPECT_TRUE(ids_for("magistrat", "&lang=fr").count("social-media-guidelines-fr"));
  EXPECT_FALSE(ids_for("\"magistrat\"", "&lang=fr").count("social-media-guidelines-fr"));
  // loi-declaration-patrimoine-magistrats-fr writes "juge" once and never "juges".
  EXPECT_TRUE(ids_for("juges", "&lang=fr").count("loi-declaration-patrimoine-magistrats-fr"));
  EXPECT_FALSE(ids_for("=juges", "&lang=fr").count("loi-declaration-patrimoine-magistrats-fr"));
  // These write "судей" (and other cases) but never "судья".
  const Ids sudey_only = {"asset-declaration-report-ru", "court-openness-checklist-uz-ru",
                          "gender-toolkit-ru"};
  const Ids sudya = ids_for("судья", "&lang=ru");
  EXPECT_EQ(missing(sudya, sudey_only), Ids{});
  EXPECT_EQ(ids_for("судей", "&lang=ru"), sudya);
  const Ids exact = ids_for("=судья", "&lang=ru");
  for (const auto& id : sudey_only) EXPECT_EQ(exact.count(id), 0u) << id;
}

TEST(Phrases, PhraseIsNarrowerThanItsWords) {
  const Ids words = ids_for("conflict of interest");
  const Ids phrase = ids_for("\"conflict of interest\"");
  EXPECT_LE(phrase.size(), words.size());
  EXPECT_EQ(missing(words, phrase), Ids{}) << "every phrase match also matches the words";
  EXPECT_EQ(missing(phrase, {"coi-guidance-en", "model-code-en"}), Ids{});
}

TEST(Phrases, WordsInTheWrongOrderFindNothing) {
  EXPECT_EQ(ids_for("\"interest of conflict\""), Ids{});
  EXPECT_EQ(ids_for("\"interest conflict\""), Ids{});
}

TEST(Exclusion, MinusRemovesDocumentsWithTheWord) {
  const Ids with = ids_for("conflict interest", "&lang=en");
  const Ids whistle = ids_for("whistle", "&lang=en");
  ASSERT_TRUE(with.count("judicial-discipline-annual-report-2022-en"));
  ASSERT_TRUE(whistle.count("judicial-discipline-annual-report-2022-en"));
  Ids expected;
  for (const auto& id : with) {
    if (!whistle.count(id)) expected.insert(id);
  }
  EXPECT_EQ(ids_for("conflict interest -whistle", "&lang=en"), expected);
}

TEST(Alternatives, OrWidensToEitherWord) {
  const Ids whistle = ids_for("whistle", "&lang=en");
  const Ids recusal = ids_for("recusal", "&lang=en");
  Ids either = whistle;
  either.insert(recusal.begin(), recusal.end());
  const Ids found = ids_for("whistle OR recusal", "&lang=en");
  EXPECT_EQ(found, either);
  EXPECT_GT(found.size(), whistle.size());
  EXPECT_GT(found.size(), recusal.size());
  // Words that meet in some document (else the query is relaxed to any of them).
  const Ids both = ids_for("recusal judges", "&lang=en&cross=0");
  ASSERT_FALSE(both.empty());
  EXPECT_LT(both.size(), ids_for("recusal OR judges", "&lang=en&cross=0").size())
      << "AND is narrower";
}

}  // namespace
}  // namespace jil::integration
