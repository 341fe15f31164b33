// Phrases over the real index of corpus/: a quoted phrase meets its words in every inflection
// the library has, in order (the review's "конфликт интересов" missed the genitive
// "конфликта интересов"), and an `=` word stays the form typed.
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

}  // namespace
}  // namespace jil::integration
