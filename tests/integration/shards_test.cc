// The index split into two shards by jil-shard, each served by Debian's xapian-tcpsrv on
// 127.0.0.1 and opened by searchd through a stub file of `remote` lines, gives exactly the
// results, totals and facet counts of the single index, for queries in all six languages with
// and without filters, sorted by relevance and by year (issue 8 item 5).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "child_process.h"
#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

inline const std::string kShardPath = JIL_SHARD_PATH;
const char* const kTcpServer = "/usr/bin/xapian-tcpsrv";

const std::vector<std::string> kSearches = {
    "q=judicial+conduct",
    "q=judges&lang=en&type=report",
    "q=%22code+of+conduct%22",
    "q=juges",
    "q=juez&hl=es",
    "q=judicial&lang=es",
    "q=%D1%81%D1%83%D0%B4%D0%B5%D0%B9",        // судей
    "q=%D8%A7%D9%84%D9%82%D8%B6%D8%A7%D8%A9",  // القضاة
    "q=%E5%8F%B8%E6%B3%95",                    // 司法
    "q=judges&type=report&size=20",
    "q=integrity&lang=en&lang=fr&year_from=2010",
    "q=corruption&page=2&size=5",
    "q=&lang=fr",
    "q=&type=report&sort=newest&size=20",
};

struct Answer {
  unsigned status = 0;
  nlohmann::json total;
  std::vector<std::string> ids;
  nlohmann::json facets;
};

Answer ask(unsigned short port, const std::string& parameters) {
  const HttpReply reply = http_get(port, "/api/v1/search?" + parameters);
  Answer answer{reply.status, {}, {}, {}};
  if (reply.status != 200) return answer;
  const nlohmann::json body = nlohmann::json::parse(reply.body);
  answer.total = body["total"];
  for (const auto& hit : body["results"]) answer.ids.push_back(hit["id"]);
  answer.facets = body["facets"];
  return answer;
}

TEST(Shards, TwoRemoteShardsAnswerExactlyAsTheSingleIndex) {
  const std::filesystem::path dir = environment().make_temp_dir("shards");
  const ProgramResult split = run_program(
      kShardPath, {"--count", "2", "--db", environment().index_dir().string(), dir.string()});
  ASSERT_EQ(split.exit_code, 0) << split.err;
  ServerProcess servers[2];
  std::ofstream stub(dir / "shards.stub");
  for (int shard = 0; shard < 2; ++shard) {
    const unsigned short port = free_port();
    std::string error;
    ASSERT_TRUE(
        servers[shard].start(kTcpServer,
                             {"--interface", "127.0.0.1", "--port", std::to_string(port), "--quiet",
                              (dir / ("shard-" + std::to_string(shard))).string()},
                             error))
        << error;
    ASSERT_TRUE(wait_until_listening(port)) << "xapian-tcpsrv did not listen on " << port;
    stub << "remote 127.0.0.1:" << port << "\n";
  }
  stub.close();
  OwnSearchd sharded(dir / "shards.stub", {"--threads", "1"});
  ASSERT_NE(sharded.port(), 0) << "jil-searchd did not open the shards";
  int with_hits = 0;
  for (const std::string& parameters : kSearches) {
    SCOPED_TRACE(parameters);
    const Answer single = ask(environment().port(), parameters);
    const Answer remote = ask(sharded.port(), parameters);
    ASSERT_EQ(single.status, 200u);
    EXPECT_EQ(remote.status, 200u);
    EXPECT_EQ(remote.total, single.total);
    EXPECT_EQ(remote.ids, single.ids);
    EXPECT_EQ(remote.facets, single.facets);
    with_hits += !single.ids.empty();
  }
  EXPECT_GE(with_hits, 11) << "too few searches found anything to compare";
  // A whole document (metadata and text) comes through the remote backend too.
  const Answer any = ask(environment().port(), "q=&size=1");
  ASSERT_FALSE(any.ids.empty());
  const HttpReply single_doc = http_get(environment().port(), "/api/v1/documents/" + any.ids[0]);
  const HttpReply remote_doc = http_get(sharded.port(), "/api/v1/documents/" + any.ids[0]);
  EXPECT_EQ(remote_doc.status, 200u);
  EXPECT_EQ(remote_doc.body, single_doc.body);
}

}  // namespace
}  // namespace jil::integration
