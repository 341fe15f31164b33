// Tests schema/spelling_words.cc: which terms enter the spelling dictionary, and that replacing
// or removing a document keeps the dictionary's counts in step (a real glass database on disk:
// the in-memory backend has no spelling table).
#include "schema/spelling_words.h"

#include <gtest/gtest.h>

#include "schema/prefixes.h"
#include "temporary_directory.h"

namespace jil::schema {
namespace {

TEST(SpellingWords, FoldedWordsOfThreeLettersOrMoreInEveryScriptButHan) {
  EXPECT_TRUE(is_spelling_word("judges"));
  EXPECT_TRUE(is_spelling_word("independance"));
  EXPECT_TRUE(is_spelling_word("судей"));
  EXPECT_TRUE(is_spelling_word("القضاه"));
  EXPECT_TRUE(is_spelling_word("bus"));
  EXPECT_FALSE(is_spelling_word("of"));        // too short
  EXPECT_FALSE(is_spelling_word("2019"));      // digits
  EXPECT_FALSE(is_spelling_word("covid19"));   // digits
  EXPECT_FALSE(is_spelling_word("XWcode"));    // a prefixed term
  EXPECT_FALSE(is_spelling_word("Zjudg"));     // a stem
  EXPECT_FALSE(is_spelling_word("利益冲突"));  // Han
  EXPECT_FALSE(is_spelling_word(""));
}

Xapian::Document document_with(std::initializer_list<const char*> terms) {
  Xapian::Document document;
  for (const char* term : terms) document.add_term(term);
  return document;
}

TEST(SpellingWords, ReplacingAndRemovingKeepCountsPerDocument) {
  TemporaryDirectory directory;
  Xapian::WritableDatabase database((directory.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
  const std::string first = term(kIdPrefix, "first");
  const std::string second = term(kIdPrefix, "second");
  Xapian::Document a = document_with({"Qfirst", "judges", "ethics", "of"});
  replace_spelling_words(database, first, &a);
  database.replace_document(first, a);
  Xapian::Document b = document_with({"Qsecond", "judges", "recusal"});
  replace_spelling_words(database, second, &b);
  database.replace_document(second, b);
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "ethics"), 1u);
  EXPECT_EQ(spelling_frequency(database, "of"), 0u);
  EXPECT_EQ(spelling_frequency(database, "Qfirst"), 0u);

  // A new version of the first document no longer says "ethics".
  Xapian::Document a2 = document_with({"Qfirst", "judges", "integrity"});
  replace_spelling_words(database, first, &a2);
  database.replace_document(first, a2);
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "ethics"), 0u);
  EXPECT_EQ(spelling_frequency(database, "integrity"), 1u);

  replace_spelling_words(database, second, nullptr);
  database.delete_document(second);
  database.commit();
  EXPECT_EQ(spelling_frequency(database, "judges"), 1u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 0u);
  EXPECT_EQ(database.get_spelling_suggestion("integrty"), "integrity");

  // A new document added without looking for an old one (IndexWriter::add).
  Xapian::Document c = document_with({"Qthird", "judges", "gifts"});
  add_spelling_words(database, c);
  database.add_document(c);
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "gifts"), 1u);
}

TEST(SpellingWords, WordsOfADocumentSkipPrefixedTermsDigitsAndHan) {
  const Xapian::Document document = document_with({"Qid", "ZEjudg", "Ejudges", "2019", "_x", "bus",
                                                   "judges", "of", "судей", "利益冲突", "été"});
  EXPECT_EQ(spelling_words_of(document),
            (std::vector<std::string>{"bus", "judges", "été", "судей"}));
}

// A batch's changes are written once per word at the end, and come to the counts that a change
// per document gives: a document added and replaced in the same batch, one removed, one added.
TEST(SpellingWords, ChangesOfABatchAddUpPerWord) {
  TemporaryDirectory directory;
  Xapian::WritableDatabase database((directory.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document old = document_with({"Qold", "judges", "recusal"});
  add_spelling_words(database, old);
  database.add_document(old);
  database.commit();

  SpellingChanges changes;
  changes.add(spelling_words_of(document_with({"Qa", "judges", "ethics"})));
  changes.add(spelling_words_of(document_with({"Qb", "judges", "ethics", "gifts"})));
  changes.remove(document_with({"Qb", "judges", "ethics", "gifts"}));  // b replaced in the batch
  changes.add(spelling_words_of(document_with({"Qb", "judges", "integrity"})));
  changes.remove(old);  // deleted
  EXPECT_FALSE(changes.empty());
  EXPECT_EQ(spelling_frequency(database, "judges"), 1u) << "nothing written before apply";
  changes.apply(database);
  EXPECT_TRUE(changes.empty());
  database.commit();
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "ethics"), 1u);
  EXPECT_EQ(spelling_frequency(database, "integrity"), 1u);
  EXPECT_EQ(spelling_frequency(database, "gifts"), 0u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 0u);

  changes.add({"dropped"});
  changes.clear();
  changes.apply(database);
  database.commit();
  EXPECT_EQ(spelling_frequency(database, "dropped"), 0u);
}

}  // namespace
}  // namespace jil::schema
