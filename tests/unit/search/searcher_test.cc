// Tests search/searcher.cc on a real on-disk index of six documents written through the
// document builder: queries, filters, sorting, paging, documents by id, and an index that
// changes under an open Searcher.
#include "search/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "base/utc_time.h"
#include "sample_documents.h"
#include "schema/schema_version.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using schema::Facet;

std::vector<std::string> ids_of(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const SearchHit& hit : results.hits) ids.push_back(hit.record.id);
  return ids;
}

using Ids = std::vector<std::string>;

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_CREATE_OR_OPEN);
      add_documents(writer, sample_documents());
      writer.commit();
    }
    Result<std::unique_ptr<Searcher>> opened = Searcher::open(index_path());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  std::filesystem::path index_path() const { return directory_.path() / "index"; }

  // Every language version apart: these tests are about documents (collapsing translations has
  // its own tests, through collapsed()).
  SearchResults search(SearchRequest request) {
    request.collapse_translations = false;
    return collapsed(request);
  }

  SearchResults collapsed(const SearchRequest& request) {
    Result<SearchResults> results = searcher_->search(request);
    EXPECT_TRUE(results.is_ok()) << results.status().to_string();
    return results.is_ok() ? *results : SearchResults{};
  }

  // Adds and commits a copy of sample document `index` as `id`, titled `title` when given.
  void commit_late_document(Xapian::WritableDatabase& writer, size_t index, const std::string& id,
                            const std::string& title = "") {
    schema::DocRecord late = sample_documents()[index];
    late.id = id;
    if (!title.empty()) late.title = title;
    add_documents(writer, {late});
    writer.commit();
  }

  SearchResults search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return search(request);
  }

  TemporaryDirectory directory_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherTest, EmptyQueryListsEveryDocumentNewestFirst) {
  const SearchResults results = search("");
  EXPECT_EQ(results.total, 6u);
  ASSERT_EQ(results.hits.size(), 6u);
  EXPECT_EQ(results.hits[0].record.id, "gifts-en");
  EXPECT_EQ(results.hits[1].record.id, "guide-zh");
  EXPECT_EQ(results.hits[5].record.id, "training-es");
}

// A listing without words (filters only) shows each document's summary, which says what it is
// about, instead of its opening words; a document without a summary still shows its opening,
// and a search with words shows the passage that holds them.
TEST_F(SearcherTest, ListingWithoutWordsShowsEachSummary) {
  const std::string summary = "What may be accepted, and what is declined.";
  Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
  schema::DocRecord described = sample_documents()[5];  // gifts-en
  described.id = "described";
  described.work = "described";
  described.summary = summary;
  add_documents(writer, {described});
  writer.commit();
  const auto snippet_of = [this](const std::string& query, const std::string& id) {
    SearchRequest request;
    request.query = query;
    request.size = 20;
    for (const SearchHit& hit : search(request).hits) {
      if (hit.record.id != id) continue;
      std::string text;
      for (const TextPart& part : hit.snippet) text += part.text;
      return text;
    }
    return std::string("(not found)");
  };
  EXPECT_EQ(snippet_of("", "described"), summary);
  const std::string opening = snippet_of("", "gifts-en");
  EXPECT_EQ(opening.substr(0, 20), sample_documents()[5].text.substr(0, 20));
  const std::string passage = snippet_of("independence", "described");
  EXPECT_NE(passage.find("independence"), std::string::npos) << passage;
  EXPECT_EQ(passage.find("What may be"), std::string::npos) << passage;
}

TEST_F(SearcherTest, WordFindsItsDocumentsInAnyForm) {
  // "judge" matches "Judges" (stem) in two English documents.
  const SearchResults results = search("judge");
  EXPECT_EQ(results.total, 2u);
  Ids ids = ids_of(results);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (Ids{"code-en", "gifts-en"}));
}

// "public" is indexed without a stem term (it is its own stem); "agre" has the stem "agr", so
// "agreed" (stem "agre") must not find it.
TEST_F(SearcherTest, StemSearchFindsWordsThatAreTheirOwnStemAndNoOthers) {
  Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
  std::vector<schema::DocRecord> more = sample_documents();
  more[0].id = "own-stem";
  more[0].text = "Hearings are held in public.";
  more[1].id = "other-stem";
  more[1].text = "The word agre appears here.";
  for (schema::DocRecord& record : more) record.language = analysis::Language::kEn;
  add_documents(writer, {more[0], more[1]});
  writer.commit();
  const auto found = [this](const std::string& query, const std::string& id) {
    SearchRequest request;
    request.query = query;
    request.query_language = analysis::Language::kEn;
    const Ids ids = ids_of(search(request));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  EXPECT_TRUE(found("publicly", "own-stem"));
  EXPECT_TRUE(found("public", "own-stem"));
  EXPECT_FALSE(found("agreed", "other-stem"));
  EXPECT_TRUE(found("agre", "other-stem"));
}

TEST_F(SearcherTest, HitsCarryHighlightedTitleAndSnippetButNoText) {
  const SearchResults results = search("hospitality");
  ASSERT_EQ(ids_of(results), Ids{"gifts-en"});
  const SearchHit& hit = results.hits[0];
  EXPECT_TRUE(hit.record.text.empty());
  EXPECT_EQ(hit.record.title, "Apple gifts and hospitality");
  bool title_marked = false;
  for (const TextPart& part : hit.title) title_marked |= part.match && part.text == "hospitality";
  EXPECT_TRUE(title_marked);
  EXPECT_FALSE(hit.snippet.empty());
  EXPECT_GT(hit.weight, 0);
}

TEST_F(SearcherTest, HitPartsNotAskedForAreNotMadeAndTheRestIsTheSame) {
  SearchRequest request;
  request.query = "independence";
  request.home_language = analysis::Language::kEs;
  const SearchResults whole = collapsed(request);
  ASSERT_FALSE(whole.hits.empty());
  bool any_snippet = false, any_title = false, any_languages = false, any_versions = false;
  for (const SearchHit& hit : whole.hits) {
    any_snippet |= !hit.snippet.empty();
    any_title |= !hit.title.empty();
    any_languages |= !hit.work_languages.empty();
    any_versions |= !hit.other_versions.empty();
  }
  ASSERT_TRUE(any_snippet && any_title && any_languages && any_versions);

  request.parts = HitParts{false, false, false, false};
  const SearchResults bare = collapsed(request);
  EXPECT_EQ(ids_of(bare), ids_of(whole));
  EXPECT_EQ(bare.total, whole.total);
  ASSERT_EQ(bare.hits.size(), whole.hits.size());
  for (size_t index = 0; index < bare.hits.size(); ++index) {
    const SearchHit& hit = bare.hits[index];
    EXPECT_EQ(hit.record.title, whole.hits[index].record.title);
    EXPECT_EQ(hit.weight, whole.hits[index].weight);
    EXPECT_TRUE(hit.snippet.empty()) << hit.record.id;
    EXPECT_EQ(hit.page, 0u);
    EXPECT_TRUE(hit.title.empty()) << hit.record.id;
    EXPECT_TRUE(hit.work_languages.empty()) << hit.record.id;
    EXPECT_TRUE(hit.other_versions.empty()) << hit.record.id;
  }
  ASSERT_EQ(bare.facets.size(), whole.facets.size());
  for (size_t index = 0; index < bare.facets.size(); ++index) {
    ASSERT_EQ(bare.facets[index].values.size(), whole.facets[index].values.size());
    for (size_t value = 0; value < bare.facets[index].values.size(); ++value) {
      EXPECT_EQ(bare.facets[index].values[value].value, whole.facets[index].values[value].value);
      EXPECT_EQ(bare.facets[index].values[value].count, whole.facets[index].values[value].count);
    }
  }
}

TEST_F(SearcherTest, ArabicAndChineseQueriesFindTheirDocuments) {
  EXPECT_EQ(ids_of(search("مستقلون")), Ids{"report-ar"});
  EXPECT_EQ(ids_of(search("农业")), Ids{"guide-zh"});
}

TEST_F(SearcherTest, FrenchElisionIsMatchedFromTheQuery) {
  EXPECT_EQ(ids_of(search("éducation")), Ids{"code-fr"});
  EXPECT_EQ(ids_of(search("l'éducation")), Ids{"code-fr"});
}

TEST_F(SearcherTest, FiltersAreOrWithinAFacetAndAndAcross) {
  SearchRequest request;
  request.filters[Facet::kType] = {"guidance", "report"};
  EXPECT_EQ(search(request).total, 3u);
  request.filters[Facet::kLanguage] = {"en"};
  EXPECT_EQ(ids_of(search(request)), Ids{"gifts-en"});
}

TEST_F(SearcherTest, FiltersCombineWithTheQuery) {
  SearchRequest request;
  request.query = "impartiality";
  request.filters[Facet::kCountry] = {"FR"};
  EXPECT_EQ(ids_of(search(request)), Ids{"code-en"});
}

TEST_F(SearcherTest, FacetsCountAllMatches) {
  SearchRequest request;
  request.size = 1;
  const SearchResults results = search(request);
  ASSERT_EQ(results.hits.size(), 1u);
  for (const FacetCounts& counts : results.facets) {
    if (counts.facet != Facet::kLanguage) continue;
    uint64_t total = 0;
    for (const FacetValueCount& value : counts.values) total += value.count;
    EXPECT_EQ(total, 6u);
  }
}

TEST_F(SearcherTest, SelectedFacetStillCountsItsOtherValues) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"fr"};
  request.home_language = analysis::Language::kFr;
  const SearchResults results = search(request);
  EXPECT_EQ(ids_of(results), Ids{"code-fr"});
  EXPECT_EQ(results.other_language_total, 0u) << "split from the filtered match";
  std::map<std::string, uint64_t> languages;
  for (const FacetCounts& counts : results.facets) {
    if (counts.facet != Facet::kLanguage) continue;
    for (const FacetValueCount& value : counts.values) languages[value.value] = value.count;
  }
  EXPECT_EQ(languages, (std::map<std::string, uint64_t>{
                           {"ar", 1}, {"en", 2}, {"es", 1}, {"fr", 1}, {"zh", 1}}));
}

TEST_F(SearcherTest, YearRangeKeepsTheYearsBetweenItsBoundsInclusive) {
  SearchRequest request;
  request.sort = SortOrder::kOldest;
  request.year_from = 2019;
  request.year_to = 2021;
  EXPECT_EQ(ids_of(search(request)).size(), 3u);
  request.year_to = 2019;
  EXPECT_EQ(ids_of(search(request)), Ids{"report-ar"});
  request.year_to = 0;  // from 2022 on
  request.year_from = 2022;
  EXPECT_EQ(ids_of(search(request)), (Ids{"guide-zh", "gifts-en"}));
  request.year_from = 0;  // up to 2018
  request.year_to = 2018;
  EXPECT_EQ(ids_of(search(request)), Ids{"training-es"});
}

TEST_F(SearcherTest, YearRangeAppliesToEveryFacetsCounts) {
  SearchRequest request;
  request.year_from = 2021;
  request.year_to = 2021;
  request.filters[Facet::kLanguage] = {"fr"};
  const SearchResults results = search(request);
  EXPECT_EQ(ids_of(results), Ids{"code-fr"});
  std::map<std::string, uint64_t> languages;
  for (const FacetCounts& counts : results.facets) {
    if (counts.facet != Facet::kLanguage) continue;
    for (const FacetValueCount& value : counts.values) languages[value.value] = value.count;
  }
  EXPECT_EQ(languages, (std::map<std::string, uint64_t>{{"en", 1}, {"fr", 1}}));
}

TEST_F(SearcherTest, SortsNewestOldestAndByTitle) {
  SearchRequest request;
  request.query = "judicial OR judges OR 法官 OR القضاء OR juges";
  request.sort = SortOrder::kNewest;
  const Ids newest = ids_of(search(request));
  ASSERT_FALSE(newest.empty());
  request.sort = SortOrder::kOldest;
  const SearchResults oldest = search(request);
  for (size_t index = 1; index < oldest.hits.size(); ++index) {
    EXPECT_LE(oldest.hits[index - 1].record.year, oldest.hits[index].record.year);
  }
  request.query.clear();
  request.sort = SortOrder::kTitle;
  EXPECT_EQ(ids_of(search(request)),
            (Ids{"gifts-en", "code-fr", "code-en", "training-es", "report-ar", "guide-zh"}));
  request.sort = SortOrder::kNewest;
  const SearchResults all_newest = search(request);
  for (size_t index = 1; index < all_newest.hits.size(); ++index) {
    EXPECT_GE(all_newest.hits[index - 1].record.year, all_newest.hits[index].record.year);
  }
}

// The feeds' order: by indexed_at, newest first; documents of the same time (here the samples,
// which have none) by docid, the last added first.
TEST_F(SearcherTest, SortsByWhenDocumentsWereAddedNewestFirst) {
  Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
  schema::DocRecord older = sample_documents()[0];
  older.id = "added-2020";
  older.indexed_at = "2020-01-01T00:00:00Z";
  schema::DocRecord newer = sample_documents()[1];
  newer.id = "added-2024";
  newer.indexed_at = "2024-01-01T00:00:00Z";
  add_documents(writer, {newer, older});
  writer.commit();
  SearchRequest request;
  request.sort = SortOrder::kAdded;
  const Ids ids = ids_of(search(request));
  ASSERT_EQ(ids.size(), 8u);
  EXPECT_EQ(ids[0], "added-2024");
  EXPECT_EQ(ids[1], "added-2020");
  EXPECT_EQ(ids[2], sample_documents().back().id) << "the last sample added";
  EXPECT_EQ(ids[7], sample_documents().front().id) << "the first sample added";
  const Result<std::string> updated = searcher_->library_updated();
  ASSERT_TRUE(updated.is_ok()) << updated.status().to_string();
  EXPECT_EQ(*updated, "2024-01-01T00:00:00Z");
}

// An index without documents has no indexed_at: its files' time stands in (never 1970).
TEST(SearcherLibraryUpdated, EmptyIndexIsDatedByItsFiles) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "index";
  Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE).commit();
  Result<std::unique_ptr<Searcher>> searcher = Searcher::open(path);
  ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
  const Result<std::string> updated = (*searcher)->library_updated();
  ASSERT_TRUE(updated.is_ok()) << updated.status().to_string();
  EXPECT_EQ(*updated,
            utc_timestamp(std::chrono::system_clock::to_time_t(
                std::chrono::file_clock::to_sys(std::filesystem::last_write_time(path)))));
  EXPECT_GT(*updated, "2020");
}

TEST_F(SearcherTest, PagesSliceTheSameOrdering) {
  SearchRequest request;
  request.sort = SortOrder::kTitle;
  request.size = 2;
  request.page = 2;
  const SearchResults page = search(request);
  EXPECT_EQ(page.total, 6u);
  EXPECT_EQ(ids_of(page), (Ids{"code-en", "training-es"}));
  request.page = 4;
  const SearchResults past_the_end = search(request);
  EXPECT_EQ(past_the_end.total, 6u);
  EXPECT_TRUE(past_the_end.hits.empty());
}

TEST_F(SearcherTest, MalformedQueryIsInvalidArgument) {
  SearchRequest request;
  request.query = "\"judicial";
  Result<SearchResults> results = searcher_->search(request);
  ASSERT_FALSE(results.is_ok());
  EXPECT_EQ(results.status().code(), StatusCode::kInvalidArgument);
  request.query = "-gifts";
  EXPECT_EQ(searcher_->search(request).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearcherTest, DocumentByIdIncludesItsText) {
  Result<schema::DocRecord> record = searcher_->document("code-fr");
  ASSERT_TRUE(record.is_ok()) << record.status().to_string();
  EXPECT_EQ(record->title, "Code de déontologie judiciaire");
  EXPECT_EQ(record->text, "L'éducation des juges garantit leur indépendance.");
}

TEST_F(SearcherTest, IndexRevisionChangesWithEveryCommitEvenWhenTheCountDoesNot) {
  const uint64_t before = searcher_->index_revision();
  const Xapian::doccount count = searcher_->document_count();
  {
    Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
    Xapian::Document updated = writer.get_document(1);
    updated.add_boolean_term("XTupdated");
    writer.replace_document(1, updated);  // an update: the same number of documents
    writer.commit();
  }
  EXPECT_EQ(searcher_->document_count(), count);
  EXPECT_NE(searcher_->index_revision(), before);
}

TEST_F(SearcherTest, UnknownDocumentIsNotFound) {
  Result<schema::DocRecord> record = searcher_->document("absent-id");
  ASSERT_FALSE(record.is_ok());
  EXPECT_EQ(record.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(record.status().message(), "no document with id 'absent-id'");
}

TEST_F(SearcherTest, WorkVersionsListEveryLanguageOfAWork) {
  Result<std::vector<schema::DocRecord>> versions = searcher_->work_versions("code");
  ASSERT_TRUE(versions.is_ok()) << versions.status().to_string();
  ASSERT_EQ(versions->size(), 2u);
  for (const schema::DocRecord& version : *versions) EXPECT_TRUE(version.text.empty());
}

TEST_F(SearcherTest, SeesCommitsMadeAfterItOpened) {
  Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
  commit_late_document(writer, 0, "late-one", "Late addition about recusal");
  commit_late_document(writer, 1, "late-two");  // two commits: the Searcher's revision is gone
  const SearchResults results = search("recusal");
  EXPECT_EQ(ids_of(results), Ids{"late-one"});
  EXPECT_EQ(searcher_->document_count(), 8u);
  EXPECT_TRUE(searcher_->document("late-two").is_ok());
}

TEST_F(SearcherTest, ResultCacheAnswersARepeatUntilTheNextCommit) {
  searcher_->set_result_cache(std::make_shared<ResultCache>(1 << 20));
  EXPECT_EQ(ids_of(search("recusal")), Ids{});
  EXPECT_EQ(ids_of(search("recusal")), Ids{});
  EXPECT_EQ(searcher_->cache_hits(), 1u);
  EXPECT_EQ(searcher_->cache_misses(), 1u);
  {
    Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
    commit_late_document(writer, 0, "late-one", "Late addition about recusal");
  }
  EXPECT_EQ(ids_of(search("recusal")), Ids{"late-one"});  // not the cached empty answer
  EXPECT_EQ(searcher_->cache_hits(), 1u);
  EXPECT_EQ(searcher_->cache_misses(), 2u);
}

TEST_F(SearcherTest, SearchersSharingACacheAnswerEachOthersRepeats) {
  const auto cache = std::make_shared<ResultCache>(1 << 20);
  searcher_->set_result_cache(cache);
  Result<std::unique_ptr<Searcher>> other = Searcher::open(index_path());
  ASSERT_TRUE(other.is_ok());
  (*other)->set_result_cache(cache);
  SearchRequest request;
  request.query = "judge";
  const SearchResults first = search(request);
  ASSERT_FALSE(first.hits.empty());
  request.collapse_translations = false;  // as search() asks
  Result<SearchResults> repeated = (*other)->search(request);
  ASSERT_TRUE(repeated.is_ok());
  EXPECT_EQ(cache->hits(), 1u);
  EXPECT_EQ(ids_of(*repeated), ids_of(first));
  EXPECT_EQ(repeated->total, first.total);
}

TEST_F(SearcherTest, WithoutACacheEverySearchRuns) {
  search("recusal");
  search("recusal");
  EXPECT_EQ(searcher_->cache_hits(), 0u);
}

TEST_F(SearcherTest, SnippetOfADeepMatchIsCutFromItsPassage) {
  Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
  std::vector<schema::DocRecord> more = sample_documents();
  more[0].id = "long-one";
  more[0].text.clear();
  for (int word = 0; word < 3000; ++word) more[0].text += "w" + std::to_string(word) + " ";
  more[0].text += "sequestration w3001 w3002.";
  add_documents(writer, {more[0]});
  writer.commit();
  const SearchResults results = search("sequestration");
  ASSERT_EQ(ids_of(results), Ids{"long-one"});
  std::string snippet;
  std::vector<std::string> marked;
  for (const TextPart& part : results.hits[0].snippet) {
    snippet += part.text;
    if (part.match) marked.push_back(part.text);
  }
  EXPECT_EQ(marked, std::vector<std::string>{"sequestration"});
  EXPECT_TRUE(snippet.starts_with("… ")) << snippet;
  EXPECT_NE(snippet.find("w2999 sequestration w3001"), std::string::npos) << snippet;
}

TEST(SearcherOpen, MissingIndexIsNotFound) {
  TemporaryDirectory directory;
  Result<std::unique_ptr<Searcher>> opened = Searcher::open(directory.path() / "absent");
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
}

TEST(SearcherOpen, IndexOfAnotherSchemaIsIncompatible) {
  TemporaryDirectory directory;
  {
    Xapian::WritableDatabase writer(directory.path().string(), Xapian::DB_CREATE_OR_OPEN);
    add_documents(writer, {sample_documents()[0]});
    writer.set_metadata(std::string(schema::kSchemaVersionKey), "0");
    writer.commit();
  }
  Result<std::unique_ptr<Searcher>> opened = Searcher::open(directory.path());
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kIncompatible);
}

TEST(SearcherOpen, DirectoryThatIsNoIndexIsCorrupt) {
  TemporaryDirectory directory;
  Result<std::unique_ptr<Searcher>> opened = Searcher::open(directory.path());
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kCorrupt);
}

TEST_F(SearcherTest, CollapsedTranslationsAreOneResultPerWork) {
  SearchRequest request;
  const SearchResults all = collapsed(request);
  EXPECT_EQ(all.total, 5u) << "six documents, code-en and code-fr are one work";
  EXPECT_EQ(all.hits.size(), 5u);
  uint64_t documents = 0;
  for (const FacetCounts& counts : all.facets) {
    if (counts.facet != Facet::kLanguage) continue;
    for (const FacetValueCount& value : counts.values) documents += value.count;
  }
  EXPECT_EQ(documents, 6u) << "facets count documents";
}

TEST_F(SearcherTest, CollapsedWorkShowsTheReadersVersionWhenItMatches) {
  SearchRequest request;
  request.home_language = analysis::Language::kFr;
  const SearchResults french = collapsed(request);
  const auto code = std::find_if(french.hits.begin(), french.hits.end(),
                                 [](const SearchHit& hit) { return hit.record.work == "code"; });
  ASSERT_NE(code, french.hits.end());
  EXPECT_EQ(code->record.id, "code-fr");
  ASSERT_EQ(code->other_versions.size(), 1u);
  EXPECT_EQ(code->other_versions[0].id, "code-en");
  EXPECT_EQ(code->other_versions[0].language, "en");
  EXPECT_EQ(code->other_versions[0].title, "Code of judicial conduct");

  // "impartiality" is only in the English version: a French reader gets that one.
  request.query = "impartiality";
  const SearchResults english_only = collapsed(request);
  EXPECT_EQ(ids_of(english_only), (Ids{"code-en"}));
  EXPECT_EQ(english_only.hits[0].other_versions[0].id, "code-fr");
}

TEST_F(SearcherTest, TranslationLinksFollowCommits) {
  // The works' versions are read once per index revision (work_table.h): a version committed
  // after a search shows up in the next one.
  SearchRequest request;
  request.home_language = analysis::Language::kFr;
  const auto code_hit = [](const SearchResults& results) {
    return std::find_if(results.hits.begin(), results.hits.end(),
                        [](const SearchHit& hit) { return hit.record.work == "code"; });
  };
  const SearchResults before = collapsed(request);
  ASSERT_NE(code_hit(before), before.hits.end());
  EXPECT_EQ(code_hit(before)->work_languages, (std::vector<std::string>{"en", "fr"}));
  {
    Xapian::WritableDatabase writer(index_path().string(), Xapian::DB_OPEN);
    schema::DocRecord spanish = code_hit(before)->record;
    spanish.id = "code-es";
    spanish.language = analysis::Language::kEs;
    spanish.title = "Código de conducta judicial";
    add_documents(writer, {spanish});
    writer.commit();
  }
  const SearchResults after = collapsed(request);
  const auto code = code_hit(after);
  ASSERT_NE(code, after.hits.end());
  EXPECT_EQ(code->record.id, "code-fr");
  EXPECT_EQ(code->work_languages, (std::vector<std::string>{"en", "es", "fr"}));
  ASSERT_EQ(code->other_versions.size(), 2u);
  EXPECT_EQ(code->other_versions[0].id, "code-en");
  EXPECT_EQ(code->other_versions[1].id, "code-es");
  EXPECT_EQ(code->other_versions[1].title, "Código de conducta judicial");
  EXPECT_EQ(after.total, before.total) << "a new version of a work is not a new result";
}

}  // namespace
}  // namespace jil::search
