// Unit tests of render/atom_feed.h: each entry is dated by when it was indexed (its metadata
// year only for records older than that field), the feed by its newest entry or, without
// entries, by the time it is given (never 1970), and its paging links are absolute and escaped.
#include "render/atom_feed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jil::render {
namespace {

schema::DocRecord record_of(const std::string& id, int year, const std::string& indexed_at) {
  schema::DocRecord record;
  record.id = id;
  record.title = "Title of " + id;
  record.language = analysis::Language::kFr;
  record.type = "guidance";
  record.media_type = "text/plain";
  record.year = year;
  record.indexed_at = indexed_at;
  return record;
}

AtomFeed feed_of(std::string self_target) {
  AtomFeed feed;
  feed.base_url = "https://jil.example.org";
  feed.self_target = std::move(self_target);
  feed.title = "Judicial Integrity Library: newest documents";
  feed.updated_without_entries = "2023-07-22T04:26:40Z";
  return feed;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The feed's own <updated> (the first in the document, before any entry).
std::string feed_updated(const std::string& xml) {
  const size_t start = xml.find("<updated>") + 9;
  return xml.substr(start, xml.find("</updated>") - start);
}

TEST(DocumentUpdated, IsWhenTheDocumentWasIndexedElseItsYearsFirstDay) {
  EXPECT_EQ(document_updated(record_of("a", 1999, "2022-04-15T05:20:00Z")), "2022-04-15T05:20:00Z");
  EXPECT_EQ(document_updated(record_of("a", 1999, "")), "1999-01-01T00:00:00Z");
}

TEST(AtomFeed, EntriesKeepTheirOrderAndAreDatedWhenIndexed) {
  const std::string xml = atom_feed_xml(feed_of("/feed.atom"),
                                        {record_of("added-last", 2001, "2023-07-22T04:26:40Z"),
                                         record_of("added-first", 2024, "2020-09-13T12:26:40Z")});
  const size_t last = xml.find("<id>https://jil.example.org/doc/added-last</id>");
  const size_t first = xml.find("<id>https://jil.example.org/doc/added-first</id>");
  ASSERT_NE(last, std::string::npos) << xml;
  ASSERT_NE(first, std::string::npos) << xml;
  EXPECT_LT(last, first) << "in the order given";
  EXPECT_EQ(xml.find("<updated>2023-07-22T04:26:40Z</updated>", last), xml.find("<updated>", last));
  EXPECT_EQ(xml.find("<updated>2020-09-13T12:26:40Z</updated>", first),
            xml.find("<updated>", first));
  EXPECT_FALSE(contains(xml, "2024-01-01")) << "the metadata year dates nothing";
}

TEST(AtomFeed, FeedIsUpdatedByItsNewestEntryWhereverItIs) {
  AtomFeed feed = feed_of("/feed.atom?sort=title");
  feed.updated_without_entries = "2030-01-01T00:00:00Z";  // not used: there are entries
  const std::string xml =
      atom_feed_xml(feed, {record_of("b", 2001, "2020-09-13T12:26:40Z"),
                           record_of("a", 2024, "2022-04-15T05:20:00Z"), record_of("c", 2010, "")});
  EXPECT_EQ(feed_updated(xml), "2022-04-15T05:20:00Z");
}

TEST(AtomFeed, FeedWithoutEntriesIsUpdatedWhenTheLibraryLastChanged) {
  const std::string xml = atom_feed_xml(feed_of("/feed.atom?q=nothing"), {});
  EXPECT_EQ(feed_updated(xml), "2023-07-22T04:26:40Z");
  EXPECT_FALSE(contains(xml, "1970")) << xml;
  EXPECT_FALSE(contains(xml, "<entry")) << xml;
}

TEST(AtomFeed, PagingLinksAreAbsoluteAndEscaped) {
  AtomFeed feed = feed_of("/feed.atom?q=a%26b&size=1&page=2");
  feed.pages = {"/feed.atom?q=a%26b&size=1", "/feed.atom?q=a%26b&size=1",
                "/feed.atom?q=a%26b&size=1&page=3"};
  const std::string xml = atom_feed_xml(feed, {record_of("a", 2001, "2020-09-13T12:26:40Z")});
  const std::string type = "\" type=\"application/atom+xml\" href=\"https://jil.example.org";
  EXPECT_TRUE(
      contains(xml, "<link rel=\"self" + type + "/feed.atom?q=a%26b&amp;size=1&amp;page=2\"/>"))
      << xml;
  EXPECT_TRUE(contains(xml, "<link rel=\"first" + type + "/feed.atom?q=a%26b&amp;size=1\"/>"))
      << xml;
  EXPECT_TRUE(contains(xml, "<link rel=\"previous" + type + "/feed.atom?q=a%26b&amp;size=1\"/>"))
      << xml;
  EXPECT_TRUE(
      contains(xml, "<link rel=\"next" + type + "/feed.atom?q=a%26b&amp;size=1&amp;page=3\"/>"))
      << xml;
}

TEST(AtomFeed, AlternateIsTheHtmlPageItMirrorsAbsoluteAndEscaped) {
  AtomFeed feed = feed_of("/feed.atom?q=recusal&lang=fr&size=50");
  feed.html_target = "/search?lang=fr&q=recusal";
  EXPECT_TRUE(contains(atom_feed_xml(feed, {}),
                       "<link rel=\"alternate\" type=\"text/html\" "
                       "href=\"https://jil.example.org/search?lang=fr&amp;q=recusal\"/>"));
  feed.html_target.clear();  // a feed of no search: the home page
  EXPECT_TRUE(contains(atom_feed_xml(feed, {}),
                       "<link rel=\"alternate\" type=\"text/html\" "
                       "href=\"https://jil.example.org/\"/>"));
}

TEST(AtomFeed, OnePageFeedHasNoPagingLinks) {
  const std::string xml =
      atom_feed_xml(feed_of("/feed.atom"), {record_of("a", 2001, "2020-09-13T12:26:40Z")});
  for (const char* rel : {"first", "previous", "next"}) {
    EXPECT_FALSE(contains(xml, "rel=\"" + std::string(rel) + "\"")) << rel;
  }
  EXPECT_TRUE(contains(xml, "rel=\"self\""));
}

}  // namespace
}  // namespace jil::render
