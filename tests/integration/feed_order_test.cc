// /feed.atom over real HTTP on an index of its own, filled in three runs at three times
// (SOURCE_DATE_EPOCH) with metadata years in another order: the feed lists documents by when
// they were added (indexed_at), newest first, with that time as each entry's <updated>, a search
// feed too; an empty feed is dated by the library's last change, never 1970; and a feed of more
// than one page links its first, previous and next pages (RFC 5005) under --public-url.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/XMLReader.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using Poco::AutoPtr;
using Poco::XML::Document;
using Poco::XML::Element;
using Poco::XML::NodeList;

constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";
constexpr char kPublicUrl[] = "https://jil.example.org";

// Three runs; the metadata years run the other way (2024, 2001, 2010), so a feed by year would
// put the first-added document first.
constexpr char kFirstRun[] = "1600000000";   // 2020-09-13T12:26:40Z
constexpr char kSecondRun[] = "1650000000";  // 2022-04-15T05:20:00Z
constexpr char kThirdRun[] = "1690000000";   // 2023-07-22T04:26:40Z
constexpr char kFirstTime[] = "2020-09-13T12:26:40Z";
constexpr char kSecondTime[] = "2022-04-15T05:20:00Z";
constexpr char kThirdTime[] = "2023-07-22T04:26:40Z";

// What a test reads of one feed document.
struct Feed {
  std::string updated;
  std::vector<std::string> ids;              // each entry's document id (the end of its atom:id)
  std::vector<std::string> updates;          // each entry's <updated>
  std::map<std::string, std::string> links;  // rel → href of the feed's own links
};

Feed read_feed(unsigned short port, const std::string& target) {
  const HttpReply reply = http_get(port, target);
  EXPECT_EQ(reply.status, 200u) << target << "\n" << reply.body;
  Feed feed;
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  AutoPtr<Document> document;
  try {
    document = parser.parseString(reply.body);
  } catch (const Poco::Exception& error) {
    ADD_FAILURE() << target << ": not well-formed XML: " << error.displayText();
    return feed;
  }
  Element* root = document->documentElement();
  feed.updated = root->getChildElementNS(kAtomNs, "updated")->innerText();
  AutoPtr<NodeList> children = root->childNodes();
  for (unsigned long i = 0; i < children->length(); ++i) {
    auto* element = dynamic_cast<Element*>(children->item(i));
    if (element == nullptr || element->namespaceURI() != kAtomNs) continue;
    if (element->localName() == "link") {
      EXPECT_FALSE(feed.links.contains(element->getAttribute("rel"))) << "one link of each rel";
      feed.links[element->getAttribute("rel")] = element->getAttribute("href");
    } else if (element->localName() == "entry") {
      const std::string id = element->getChildElementNS(kAtomNs, "id")->innerText();
      feed.ids.push_back(id.substr(id.rfind('/') + 1));
      feed.updates.push_back(element->getChildElementNS(kAtomNs, "updated")->innerText());
    }
  }
  return feed;
}

class FeedOrder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("feed-order");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    const auto add = [&](const char* id, int year, const char* epoch) {
      nlohmann::json sidecar = sidecar_json(id);
      sidecar["year"] = year;
      write_source_document(source, std::string(id) + ".txt",
                            "Judicial integrity and the recusal of judges.\n", sidecar);
      ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", epoch, 1), 0);
      const ProgramResult result = index_folders(root / "index", root / "store", {source});
      ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", kIndexEpoch, 1), 0);
      ASSERT_EQ(result.exit_code, kIndexerOk) << result.out << result.err;
    };
    add("feed-first", 2024, kFirstRun);
    add("feed-second", 2001, kSecondRun);
    add("feed-third", 2010, kThirdRun);
    server_ = new PrivateSearchd(root / "index", root / "store", {"--public-url", kPublicUrl});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->error(); }

  static Feed feed(const std::string& target) { return read_feed(server_->port(), target); }

  static PrivateSearchd* server_;
};

PrivateSearchd* FeedOrder::server_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(FeedOrder, NewestFeedListsDocumentsByWhenTheyWereAdded) {
  const Feed newest = feed("/feed.atom");
  EXPECT_EQ(newest.ids, (Strings{"feed-third", "feed-second", "feed-first"}));
  EXPECT_EQ(newest.updates, (Strings{kThirdTime, kSecondTime, kFirstTime}));
  EXPECT_EQ(newest.updated, kThirdTime);
}

TEST_F(FeedOrder, SearchFeedListsItsMatchesByWhenTheyWereAddedUnlessSortSaysOtherwise) {
  const Feed search = feed("/feed.atom?q=recusal");
  EXPECT_EQ(search.ids, (Strings{"feed-third", "feed-second", "feed-first"}));
  EXPECT_EQ(search.updated, kThirdTime);
  EXPECT_EQ(feed("/feed.atom?q=recusal&sort=newest").ids,
            (Strings{"feed-first", "feed-third", "feed-second"}))
      << "sort=newest is by metadata year, as on /search";
}

TEST_F(FeedOrder, EmptyFeedIsDatedByTheLibrarysLastChange) {
  const Feed empty = feed("/feed.atom?q=zyxwvutsrq");
  EXPECT_TRUE(empty.ids.empty());
  EXPECT_EQ(empty.updated, kThirdTime) << "not 1970-01-01T00:00:00Z";
  EXPECT_EQ(feed("/feed.atom?lang=fr").updated, kThirdTime);
}

TEST_F(FeedOrder, PagesLinkTheFirstPreviousAndNextUnderThePublicUrl) {
  const std::string base = std::string(kPublicUrl) + "/feed.atom?q=recusal&size=1";
  const Feed first = feed("/feed.atom?q=recusal&size=1");
  EXPECT_EQ(first.ids, (Strings{"feed-third"}));
  EXPECT_EQ(first.links,
            (std::map<std::string, std::string>{
                {"self", base},
                {"alternate", std::string(kPublicUrl) + "/search?q=recusal&versions=all"},
                {"first", base},
                {"next", base + "&page=2"}}));
  const Feed second = feed("/feed.atom?page=2&size=1&q=recusal");
  EXPECT_EQ(second.ids, (Strings{"feed-second"}));
  EXPECT_EQ(second.links.at("first"), base);
  EXPECT_EQ(second.links.at("previous"), base);
  EXPECT_EQ(second.links.at("next"), base + "&page=3");
  const Feed third = feed(second.links.at("next").substr(std::string(kPublicUrl).size()));
  EXPECT_EQ(third.ids, (Strings{"feed-first"}));
  EXPECT_EQ(third.links.at("previous"), base + "&page=2");
  EXPECT_FALSE(third.links.contains("next")) << "the last page";
  // A feed that fits on one page has none of the three.
  const Feed whole = feed("/feed.atom");
  for (const char* rel : {"first", "previous", "next"}) {
    EXPECT_FALSE(whole.links.contains(rel)) << rel;
  }
}

}  // namespace
}  // namespace jil::integration
