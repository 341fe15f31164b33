// Tests search/title_key_maker.cc: titles ordered by the collation of the reader's language,
// directly and through a Searcher over a real on-disk index (every match sorted, not the page).
#include "search/title_key_maker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sample_documents.h"
#include "schema/value_slots.h"
#include "search/searcher.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;

std::vector<std::string> sorted_by(Language language, std::vector<std::string> titles) {
  Result<std::unique_ptr<TitleKeyMaker>> keys = TitleKeyMaker::create(language);
  EXPECT_TRUE(keys.is_ok()) << keys.status().to_string();
  if (!keys.is_ok()) return {};
  std::sort(titles.begin(), titles.end(), [&](const std::string& a, const std::string& b) {
    return (*keys)->key(a) < (*keys)->key(b);
  });
  return titles;
}

using Titles = std::vector<std::string>;

TEST(TitleKeyMaker, SpanishPutsEnyeAfterNWhereRootDoesNot) {
  // Root collation: ñ is n with a secondary accent, so "Año" sorts with "Ano" before "Anu".
  EXPECT_EQ(sorted_by(Language::kUnd, {"Anuario judicial", "Año judicial"}),
            (Titles{"Año judicial", "Anuario judicial"}));
  EXPECT_EQ(sorted_by(Language::kEs, {"Año judicial", "Anuario judicial"}),
            (Titles{"Anuario judicial", "Año judicial"}));
}

TEST(TitleKeyMaker, ChineseSortsByPinyinWhereRootSortsByCodePoint) {
  // Root: 中 (U+4E2D) < 北 (U+5317) < 法 (U+6CD5); pinyin: bei < fa < zhong.
  EXPECT_EQ(sorted_by(Language::kUnd, {"法官守则", "北京报告", "中国指南"}),
            (Titles{"中国指南", "北京报告", "法官守则"}));
  EXPECT_EQ(sorted_by(Language::kZh, {"法官守则", "中国指南", "北京报告"}),
            (Titles{"北京报告", "法官守则", "中国指南"}));
}

TEST(TitleKeyMaker, ReadsTheTitleFromItsValueSlot) {
  Result<std::unique_ptr<TitleKeyMaker>> keys = TitleKeyMaker::create(Language::kEs);
  ASSERT_TRUE(keys.is_ok());
  Xapian::Document document;
  document.add_value(schema::kTitleTextSlot, "Año judicial");
  EXPECT_EQ((**keys)(document), (*keys)->key("Año judicial"));
  EXPECT_EQ((**keys)(Xapian::Document()), "") << "no title: sorts first, no crash";
}

TEST(TitleKeyMaker, SearcherSortsEveryMatchByTheReadersCollation) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "index";
  {
    Xapian::WritableDatabase writer(path.string(), Xapian::DB_CREATE_OR_OPEN);
    add_documents(
        writer,
        {sample_record("anuario", "anuario", Language::kEs, "report", 2020, "Anuario judicial", {},
                       "jueces"),
         sample_record("ano", "ano", Language::kEs, "report", 2021, "Año judicial", {}, "jueces"),
         sample_record("zh-fa", "zh-fa", Language::kZh, "report", 2019, "法官守则", {}, "法官"),
         sample_record("zh-zhong", "zh-zhong", Language::kZh, "report", 2018, "中国指南", {},
                       "法官")});
    writer.commit();
  }
  Result<std::unique_ptr<Searcher>> searcher = Searcher::open(path);
  ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
  const auto first_ids = [&](Language home, uint32_t size) {
    SearchRequest request;
    request.sort = SortOrder::kTitle;
    request.home_language = home;
    request.size = size;
    Result<SearchResults> results = (*searcher)->search(request);
    EXPECT_TRUE(results.is_ok()) << results.status().to_string();
    std::vector<std::string> ids;
    if (results.is_ok()) {
      for (const SearchHit& hit : results->hits) ids.push_back(hit.record.id);
    }
    return ids;
  };
  // No reader's language: the root key stored at index time.
  EXPECT_EQ(first_ids(Language::kUnd, 4), (Titles{"ano", "anuario", "zh-zhong", "zh-fa"}));
  EXPECT_EQ(first_ids(Language::kEs, 4), (Titles{"anuario", "ano", "zh-zhong", "zh-fa"}));
  // Chinese: Han first (CLDR reorders Hani before Latin), by pinyin; Latin in root order.
  EXPECT_EQ(first_ids(Language::kZh, 4), (Titles{"zh-fa", "zh-zhong", "ano", "anuario"}));
  // A page of one is the first of the whole sorted list.
  EXPECT_EQ(first_ids(Language::kEs, 1), Titles{"anuario"});
}

// Collapsed into works, each shown in the reader's language, the list is in the order of the
// titles it shows: a work sorts by its reader's-language title, not by its version whose title
// sorts first in another language.
TEST(TitleKeyMaker, CollapsedWorksSortByTheTitleTheyAreShownWith) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "index";
  {
    Xapian::WritableDatabase writer(path.string(), Xapian::DB_CREATE_OR_OPEN);
    add_documents(
        writer,
        {sample_record("zeta-en", "zeta", Language::kEn, "report", 2020, "Zeta code", {}, "judges"),
         sample_record("zeta-fr", "zeta", Language::kFr, "report", 2020, "Alpha code", {}, "juges"),
         sample_record("beta-en", "beta", Language::kEn, "report", 2021, "Beta guide", {},
                       "judges"),
         sample_record("gamma-es", "gamma", Language::kEs, "report", 2019, "Gamma informe", {},
                       "jueces")});
    writer.commit();
  }
  Result<std::unique_ptr<Searcher>> searcher = Searcher::open(path);
  ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
  const auto titles = [&](Language home, bool collapse) {
    SearchRequest request;
    request.sort = SortOrder::kTitle;
    request.home_language = home;
    request.collapse_translations = collapse;
    Result<SearchResults> results = (*searcher)->search(request);
    EXPECT_TRUE(results.is_ok()) << results.status().to_string();
    std::vector<std::string> shown;
    if (results.is_ok()) {
      for (const SearchHit& hit : results->hits) shown.push_back(hit.record.title);
    }
    return shown;
  };
  EXPECT_EQ(titles(Language::kEn, true), (Titles{"Beta guide", "Gamma informe", "Zeta code"}));
  EXPECT_EQ(titles(Language::kFr, true), (Titles{"Alpha code", "Beta guide", "Gamma informe"}));
  EXPECT_EQ(titles(Language::kEn, false),
            (Titles{"Alpha code", "Beta guide", "Gamma informe", "Zeta code"}));
}

}  // namespace
}  // namespace jil::search
