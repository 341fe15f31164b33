// Tests schema/spelling_words.cc: which terms enter the spelling dictionary (words of two
// documents or more), and that adding, replacing or removing documents keeps it in step (a real
// glass database on disk: the in-memory backend has no spelling table).
#include "schema/spelling_words.h"

#include <gtest/gtest.h>

#include <map>

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

TEST(SpellingWords, AWordEntersTheDictionaryWithItsSecondDocument) {
  TemporaryDirectory directory;
  Xapian::WritableDatabase database((directory.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
  const std::string first = term(kIdPrefix, "first");
  const std::string second = term(kIdPrefix, "second");
  Xapian::Document a = document_with({"Qfirst", "judges", "ethics", "integrity", "of"});
  replace_with_spelling_words(database, first, &a);
  EXPECT_EQ(spelling_frequency(database, "judges"), 0u) << "a word of one document";
  Xapian::Document b = document_with({"Qsecond", "judges", "recusal", "integrity"});
  replace_with_spelling_words(database, second, &b);
  database.commit();
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "integrity"), 2u);
  EXPECT_EQ(spelling_frequency(database, "ethics"), 0u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 0u);
  EXPECT_EQ(spelling_frequency(database, "of"), 0u);
  EXPECT_EQ(spelling_frequency(database, "Qfirst"), 0u);
  EXPECT_EQ(database.get_spelling_suggestion("integrty"), "integrity");
  EXPECT_EQ(database.get_spelling_suggestion("recusl"), "") << "not suggested";

  // A new version of the first document says "recusal" instead of "integrity".
  Xapian::Document a2 = document_with({"Qfirst", "judges", "recusal"});
  replace_with_spelling_words(database, first, &a2);
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 2u);
  EXPECT_EQ(spelling_frequency(database, "integrity"), 0u) << "down to one document";

  // Deleting the second document takes its words down to one document: out.
  replace_with_spelling_words(database, second, nullptr);
  database.commit();
  EXPECT_EQ(database.get_doccount(), 1u);
  EXPECT_EQ(spelling_frequency(database, "judges"), 0u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 0u);
  EXPECT_TRUE(database.spellings_begin() == database.spellings_end()) << "the dictionary is empty";

  // New documents added without looking for an old one (IndexWriter::add).
  add_with_spelling_words(database, document_with({"Qthird", "judges", "gifts"}));
  add_with_spelling_words(database, document_with({"Qfourth", "judges", "gifts", "recusal"}));
  database.commit();
  EXPECT_EQ(spelling_frequency(database, "judges"), 3u);
  EXPECT_EQ(spelling_frequency(database, "gifts"), 2u);
  EXPECT_EQ(spelling_frequency(database, "recusal"), 2u);
}

TEST(SpellingWords, WordsOfADocumentSkipPrefixedTermsDigitsAndHan) {
  const Xapian::Document document = document_with({"Qid", "ZEjudg", "Ejudges", "2019", "_x", "bus",
                                                   "judges", "of", "судей", "利益冲突", "été"});
  EXPECT_EQ(spelling_words_of(document),
            (std::vector<std::string>{"bus", "judges", "été", "судей"}));
}

// Writes a batch as IndexWriter does: its documents in one transaction, their spelling changes
// counted on the way and applied once before the commit (or dropped with a cancelled batch).
class Batch {
 public:
  explicit Batch(Xapian::WritableDatabase& database) : database_(database) {
    database_.begin_transaction();
  }
  void replace(const std::string& id, const Xapian::Document& document) {
    const std::string id_term = term(kIdPrefix, id);
    remove_old(id_term);
    changes_.add(spelling_words_of(document));
    database_.replace_document(id_term, document);
  }
  void remove(const std::string& id) {
    const std::string id_term = term(kIdPrefix, id);
    remove_old(id_term);
    database_.delete_document(id_term);
  }
  void commit() {
    changes_.apply(database_);
    database_.commit_transaction();
  }
  void cancel() {
    changes_.clear();
    database_.cancel_transaction();
  }
  SpellingChanges& changes() { return changes_; }

 private:
  void remove_old(const std::string& id_term) {
    Xapian::PostingIterator old = database_.postlist_begin(id_term);
    if (old != database_.postlist_end(id_term)) changes_.remove(database_.get_document(*old));
  }
  Xapian::WritableDatabase& database_;
  SpellingChanges changes_;
};

std::map<std::string, Xapian::doccount> dictionary_of(const Xapian::Database& database) {
  std::map<std::string, Xapian::doccount> words;
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word) {
    words[*word] = word.get_termfreq();
  }
  return words;
}

// A batch's changes are written once per word at the end and leave every word with its
// document count when it has two documents or more: documents added, replaced in the same batch
// and removed, over several batches; a cancelled batch leaves the dictionary as it was.
TEST(SpellingWords, BatchesKeepTheWordsOfTwoDocumentsOrMore) {
  TemporaryDirectory directory;
  Xapian::WritableDatabase database((directory.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
  Batch first(database);
  first.replace("old", document_with({"Qold", "judges", "recusal"}));
  first.replace("older", document_with({"Qolder", "judges", "recusal", "gifts"}));
  first.commit();
  EXPECT_EQ(dictionary_of(database),
            (std::map<std::string, Xapian::doccount>{{"judges", 2}, {"recusal", 2}}));

  Batch second(database);
  second.replace("a", document_with({"Qa", "judges", "ethics"}));
  second.replace("b", document_with({"Qb", "judges", "ethics", "gifts"}));
  second.replace("b", document_with({"Qb", "judges", "integrity"}));  // replaced in the batch
  second.remove("old");
  EXPECT_EQ(spelling_frequency(database, "judges"), 2u) << "nothing written before apply";
  second.commit();
  EXPECT_TRUE(second.changes().empty());
  // judges: older, a, b; ethics: a; gifts: older; recusal: older; integrity: b.
  EXPECT_EQ(dictionary_of(database), (std::map<std::string, Xapian::doccount>{{"judges", 3}}));

  Batch cancelled(database);
  cancelled.replace("c", document_with({"Qc", "judges", "ethics", "gifts"}));
  cancelled.remove("older");
  cancelled.cancel();
  EXPECT_EQ(dictionary_of(database), (std::map<std::string, Xapian::doccount>{{"judges", 3}}));

  Batch third(database);
  third.replace("c", document_with({"Qc", "judges", "ethics", "gifts"}));
  third.commit();
  EXPECT_EQ(dictionary_of(database),
            (std::map<std::string, Xapian::doccount>{{"ethics", 2}, {"gifts", 2}, {"judges", 4}}));
}

// A dictionary written by the rule before kMinSpellingDocuments (every word of one document
// too) stays valid: a word a batch touches is brought to the rule, the others stay.
TEST(SpellingWords, AnOlderDictionaryIsCorrectedWordByWord) {
  TemporaryDirectory directory;
  Xapian::WritableDatabase database((directory.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
  database.add_document(document_with({"Qold", "judges", "recusal", "gifts"}));
  for (const char* word : {"judges", "recusal", "gifts"}) database.add_spelling(word);
  database.commit();
  Batch batch(database);
  batch.replace("new", document_with({"Qnew", "judges", "ethics"}));
  batch.commit();
  EXPECT_EQ(dictionary_of(database),
            (std::map<std::string, Xapian::doccount>{{"gifts", 1}, {"judges", 2}, {"recusal", 1}}));
  Batch remove(database);
  remove.remove("new");
  remove.commit();
  EXPECT_EQ(dictionary_of(database),
            (std::map<std::string, Xapian::doccount>{{"gifts", 1}, {"recusal", 1}}));
}

// A parallel build's one-shot dictionary: whole counts, only the words of two documents or more.
TEST(SpellingWords, CountsWrittenAtOnceKeepTheWordsOfTwoDocumentsOrMore) {
  SpellingChanges shard_one;
  shard_one.add({"ethics", "judges"});
  shard_one.add({"gifts", "judges"});
  SpellingChanges shard_two;
  shard_two.add({"ethics", "recusal"});
  shard_one.merge(std::move(shard_two));
  TemporaryDirectory directory;
  Xapian::WritableDatabase dictionary((directory.path() / "spelling").string(),
                                      Xapian::DB_CREATE_OR_OPEN);
  std::vector<SpellingChanges> parts = shard_one.split(2);
  for (SpellingChanges& part : parts) part.write_counts(dictionary);
  dictionary.commit();
  EXPECT_EQ(dictionary_of(dictionary),
            (std::map<std::string, Xapian::doccount>{{"ethics", 2}, {"judges", 2}}));
}

}  // namespace
}  // namespace jil::schema
