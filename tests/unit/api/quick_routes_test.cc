// Tests api/quick_routes.cc's split: which requests read the index (and so go to a search
// thread) and which are answered at once; the request handler tests cover the answers.
#include "api/quick_routes.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

TEST(QuickRoutes, SearchesDocumentsFacetsFeedsAndPagesReadTheIndex) {
  for (const char* target :
       {"/", "/?q=x", "/search?q=judge", "/api/v1/search?q=x", "/api/v1/suggest?q=ju",
        "/api/v1/concepts", "/api/v1/facets", "/api/v1/facets/language", "/api/v1/translation-gaps",
        "/api/v1/documents/abc", "/sitemap.xml", "/feed.atom", "/oai?verb=Identify", "/concepts",
        "/concept/c1", "/gaps", "/doc/abc", "/doc/abc/original", "/doc/abc/cite.bib"}) {
    EXPECT_TRUE(reads_index("GET", target)) << target;
    EXPECT_TRUE(reads_index("HEAD", target)) << target;
  }
}

TEST(QuickRoutes, HealthStaticFilesDescriptionsAndRejectionsReadNoIndex) {
  for (const char* target :
       {"/healthz", "/static/jil.css", "/static/none.js", "/api/v1/openapi.json", "/opensearch.xml",
        "/api/v2/search", "/api/v1/searching", "/robots.txt", "/no-such-page", "/searchx", "/docs",
        "/__test/release"}) {
    EXPECT_FALSE(reads_index("GET", target)) << target;
  }
  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    EXPECT_FALSE(reads_index(method, "/api/v1/search?q=x")) << method;
  }
}

TEST(QuickRoutes, PostReadsTheIndexOnlyForOaiPmh) {
  EXPECT_TRUE(reads_index("POST", "/oai"));
  EXPECT_TRUE(reads_index("POST", "/oai?verb=Identify"));  // the handler refuses it
  for (const char* target : {"/", "/search", "/oai/", "/oaix", "/api/v1/search", "/feed.atom"}) {
    EXPECT_FALSE(reads_index("POST", target)) << target;
  }
  for (const char* method : {"PUT", "DELETE", "OPTIONS", "PATCH"}) {
    EXPECT_FALSE(reads_index(method, "/oai")) << method;
  }
}

}  // namespace
}  // namespace jil::api
