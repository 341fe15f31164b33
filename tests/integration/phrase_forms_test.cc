// Inflections over the real index of corpus/: a quoted phrase meets its words in every
// inflection the library has, in order (the review's "конфликт интересов" missed the genitive
// "конфликта интересов"), an `=` word stays the form typed, and a French singular meets the
// plural Snowball stems apart from it (conflit → confl, conflits → conflit).
#include <gtest/gtest.h>

#include <string>

#include "search_client.h"

namespace jil::integration {
namespace {

// The one Russian document whose text says only "конфликта интересов", and the English one
// whose text says only "conflicts of interest".
const char kGenitiveOnly[] = "judges-conduct-rules-1999-by-ru";
const char kPluralOnly[] = "asset-declaration-report-en";

TEST(PhraseForms, APhraseMeetsItsWordsInAnyInflection) {
  EXPECT_TRUE(ids_for("\"конфликт интересов\"", "&lang=ru").count(kGenitiveOnly));
  EXPECT_TRUE(ids_for("\"конфликт интересов\"", "&lang=ru&hl=ru").count(kGenitiveOnly));
  EXPECT_TRUE(ids_for("\"conflict of interest\"", "&lang=en&hl=en").count(kPluralOnly));
  EXPECT_TRUE(ids_for("conflict-of-interest", "&lang=en").count(kPluralOnly));
}

TEST(PhraseForms, ExactFormsAreNotWidened) {
  EXPECT_FALSE(ids_for("=конфликт =интересов", "&lang=ru").count(kGenitiveOnly));
  EXPECT_TRUE(ids_for("=конфликта =интересов", "&lang=ru").count(kGenitiveOnly));
}

// French documents that say only "conflits" and only "conflit", with the thesaurus off so that
// only the words themselves can find them.
const char kFrenchPluralOnly[] = "outil-autodiagnostic-integrite-juridictions-fr";
const char kFrenchSingularOnly[] = "model-code-fr";

TEST(PhraseForms, AFrenchSingularAndItsPluralFindEachOther) {
  for (const char* more : {"&lang=fr&hl=fr&cross=0", "&lang=fr&cross=0"}) {
    EXPECT_TRUE(ids_for("conflit", more).count(kFrenchPluralOnly)) << more;
    EXPECT_TRUE(ids_for("conflits", more).count(kFrenchSingularOnly)) << more;
    EXPECT_TRUE(ids_for("\"conflit d'intérêts\"", more).count(kFrenchPluralOnly)) << more;
    EXPECT_TRUE(ids_for("\"conflits d'intérêts\"", more).count(kFrenchSingularOnly)) << more;
  }
  EXPECT_FALSE(ids_for("=conflit", "&lang=fr&cross=0").count(kFrenchPluralOnly));
}

}  // namespace
}  // namespace jil::integration
