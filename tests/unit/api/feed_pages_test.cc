// Tests api/feed_pages.cc: the first, previous and next pages of /feed.atom keep every parameter
// of the request but `page`, appear only when the feed has more than one page, and never point
// past the entries or past the deepest page a request may ask for.
#include "api/feed_pages.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

constexpr uint32_t kDepth = 1000;  // search::kMaxResultDepth

ParsedTarget parsed(const std::string& target) {
  Result<ParsedTarget> result = parse_target(target);
  EXPECT_TRUE(result.is_ok()) << target;
  return result.is_ok() ? *result : ParsedTarget{};
}

// "first | previous | next", for one comparison per case.
std::string links(const render::FeedPages& pages) {
  return pages.first + " | " + pages.previous + " | " + pages.next;
}

TEST(FeedPages, AFeedOfOnePageHasNoLinks) {
  EXPECT_EQ(links(feed_pages(parsed("/feed.atom"), 1, 20, 20, kDepth)), " |  | ");
  EXPECT_EQ(links(feed_pages(parsed("/feed.atom?q=x"), 1, 20, 0, kDepth)), " |  | ");
}

TEST(FeedPages, PagesOfALongerFeedLinkTheFirstThePreviousAndTheNext) {
  const ParsedTarget target = parsed("/feed.atom?size=2");
  EXPECT_EQ(links(feed_pages(target, 1, 2, 5, kDepth)),
            "/feed.atom?size=2 |  | /feed.atom?size=2&page=2");
  EXPECT_EQ(links(feed_pages(target, 2, 2, 5, kDepth)),
            "/feed.atom?size=2 | /feed.atom?size=2 | /feed.atom?size=2&page=3");
  EXPECT_EQ(links(feed_pages(target, 3, 2, 5, kDepth)),
            "/feed.atom?size=2 | /feed.atom?size=2&page=2 | ");
}

TEST(FeedPages, LinksKeepEveryParameterButPageEncodedAgain) {
  const ParsedTarget target =
      parsed("/feed.atom?page=2&q=conflict+of%20interest&lang=fr&lang=en&size=1&sort=newest");
  // Parameters in name order (parse_target's multimap), repeated ones in their order.
  EXPECT_EQ(links(feed_pages(target, 2, 1, 3, kDepth)),
            "/feed.atom?lang=fr&lang=en&q=conflict%20of%20interest&size=1&sort=newest | "
            "/feed.atom?lang=fr&lang=en&q=conflict%20of%20interest&size=1&sort=newest | "
            "/feed.atom?lang=fr&lang=en&q=conflict%20of%20interest&size=1&sort=newest&page=3");
  // Markup and '&' in a value stay inside it.
  EXPECT_EQ(feed_pages(parsed("/feed.atom?q=%3Cb%3E%26x"), 1, 1, 2, kDepth).next,
            "/feed.atom?q=%3Cb%3E%26x&page=2");
}

TEST(FeedPages, APagePastTheEntriesLinksBackToTheLastPageWithEntries) {
  EXPECT_EQ(links(feed_pages(parsed("/feed.atom?page=9"), 9, 20, 30, kDepth)),
            "/feed.atom | /feed.atom?page=2 | ");
  EXPECT_EQ(links(feed_pages(parsed("/feed.atom?page=3"), 3, 20, 0, kDepth)),
            "/feed.atom | /feed.atom | ");
}

TEST(FeedPages, NoLinkGoesDeeperThanARequestMay) {
  // 30 a page: page 33 reaches entry 990, page 34 would reach 1,020 > 1,000 (refused with 400).
  const ParsedTarget target = parsed("/feed.atom?size=30&page=33");
  EXPECT_EQ(feed_pages(target, 33, 30, 5000, kDepth).next, "");
  EXPECT_EQ(feed_pages(target, 32, 30, 5000, kDepth).next, "/feed.atom?size=30&page=33");
  EXPECT_EQ(feed_pages(parsed("/feed.atom?size=50&page=20"), 20, 50, 5000, kDepth).next, "");
}

TEST(FeedHtmlTarget, IsTheSearchPageWithTheFeedsParametersButPageAndSize) {
  EXPECT_EQ(feed_html_target(parsed("/feed.atom?q=recusal&lang=fr&size=50")),
            "/search?lang=fr&q=recusal&versions=all");
  EXPECT_EQ(feed_html_target(parsed("/feed.atom?page=2&q=conflict+of%20interest&lang=fr&lang=en"
                                    "&sort=newest&size=5")),
            "/search?lang=fr&lang=en&q=conflict%20of%20interest&sort=newest&versions=all");
  EXPECT_EQ(feed_html_target(parsed("/feed.atom?q=a%26b%3Cc")), "/search?q=a%26b%3Cc&versions=all");
  EXPECT_EQ(feed_html_target(parsed("/feed.atom?q=recusal&versions=collapsed")),
            "/search?q=recusal&versions=collapsed")
      << "a feed that names versions keeps its own";
  EXPECT_EQ(feed_html_target(parsed("/feed.atom")), "/");
  EXPECT_EQ(feed_html_target(parsed("/feed.atom?size=50&page=2")), "/");
}

}  // namespace
}  // namespace jil::api
