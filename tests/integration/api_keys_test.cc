// API keys, rate limits and CORS over real HTTP (issue 6 item 3; RELIABILITY T-W9, T-W10,
// T-W11): keys made with `jil-searchd keys`, a second jil-searchd serving the shared index with
// --keys and tiny rates (so no test depends on timing: a refill takes minutes), and a check
// that the raw keys appear nowhere: not in the key file, searchd's output, or any answer.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// Anonymous tier of the test searchd: 3 requests, then one per ~17 minutes.
constexpr int kAnonymousBurst = 3;
constexpr const char* kSlowRate = "0.001";
constexpr const char* kPartnerOrigin = "https://portal.example";

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ApiKeys : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new std::filesystem::path(environment().make_temp_dir("api-keys"));
    keys_ = new std::vector<std::string>();
    replies_ = new std::string();
    partner_key_ = new std::string(create_key({"--name", "Partner portal", "--rate", kSlowRate,
                                               "--burst", "3", "--origin", kPartnerOrigin}));
    other_key_ =
        new std::string(create_key({"--name", "Other", "--rate", kSlowRate, "--burst", "100"}));
    searchd_ = new ServerProcess();
    std::string error;
    ASSERT_TRUE(searchd_->start(
        kSearchdPath,
        {"--db", environment().index_dir().string(), "--store", environment().store_dir().string(),
         "--web", (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0",
         "--threads", "2", "--keys", key_file().string(), "--anonymous-rate", kSlowRate,
         "--anonymous-burst", std::to_string(kAnonymousBurst)},
        error, (*root_ / "searchd.err").string()))
        << error;
    const std::optional<std::string> line = searchd_->read_line(std::chrono::seconds(60));
    ASSERT_TRUE(line.has_value()) << file_text(*root_ / "searchd.err");
    port_ = static_cast<unsigned short>(std::stoi(line->substr(line->rfind(':') + 1)));
  }

  static void TearDownTestSuite() {
    delete searchd_;  // kills it if a test failed before stopping it
    delete partner_key_;
    delete other_key_;
    delete keys_;
    delete replies_;
    delete root_;
  }

  static std::filesystem::path key_file() { return *root_ / "keys.json"; }

  // `jil-searchd keys ARGS... --keys FILE`.
  static ProgramResult keys_command(const std::string& action, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"keys", action, "--keys", key_file().string()});
    return run_program(kSearchdPath, arguments);
  }

  // Creates a key; returns it (the first line of stdout) and remembers it for the final check.
  static std::string create_key(const std::vector<std::string>& arguments) {
    const ProgramResult created = keys_command("create", arguments);
    EXPECT_EQ(created.exit_code, 0) << created.err;
    const std::string key = created.out.substr(0, created.out.find('\n'));
    EXPECT_EQ(key.size(), 47u) << created.out;
    EXPECT_EQ(created.err.find(key), std::string::npos) << "stderr must not repeat the key";
    keys_->push_back(key);
    return key;
  }

  // A GET with these headers; the whole answer is kept for the final check.
  static HttpReply get(const std::string& target, const HeaderList& headers = {},
                       const std::string& method = "GET") {
    HttpReply reply = http_request(port_, method, target, headers);
    for (const auto& [name, value] : reply.headers) *replies_ += name + ": " + value + "\n";
    *replies_ += reply.body + "\n";
    return reply;
  }

  static inline std::filesystem::path* root_ = nullptr;
  static inline std::vector<std::string>* keys_ = nullptr;
  static inline std::string* replies_ = nullptr;
  static inline std::string* partner_key_ = nullptr;
  static inline std::string* other_key_ = nullptr;
  static inline ServerProcess* searchd_ = nullptr;
  static inline unsigned short port_ = 0;
};

TEST_F(ApiKeys, TheKeyFileHoldsHashesAndPrefixesOnlyWithMode0600) {
  struct stat info {};
  ASSERT_EQ(::stat(key_file().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const std::string text = file_text(key_file());
  EXPECT_NE(text.find(partner_key_->substr(0, 12)), std::string::npos) << "the prefix is kept";
  EXPECT_NE(text.find("Partner portal"), std::string::npos);
  EXPECT_NE(text.find(kPartnerOrigin), std::string::npos);

  const ProgramResult listed = keys_command("list", {});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find(partner_key_->substr(0, 12)), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("Partner portal"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("active"), std::string::npos) << listed.out;
}

TEST_F(ApiKeys, TheCommandLineRefusesBadInput) {
  EXPECT_EQ(keys_command("create", {"--name", "x", "--origin", "null"}).exit_code, 2);
  EXPECT_EQ(keys_command("create", {"--name", "x", "--rate", "0"}).exit_code, 2);
  EXPECT_EQ(keys_command("create", {"--name", "x", "--origin", "https://a.example/path"}).exit_code,
            2);
  EXPECT_EQ(keys_command("create", {}).exit_code, 2) << "--name is required";
  const ProgramResult unknown = keys_command("revoke", {"jil_NOSUCHKY"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no key with prefix"), std::string::npos) << unknown.err;
  const ProgramResult broken =
      run_program(kSearchdPath,
                  {"keys", "list", "--keys", (environment().corpus_dir() / "README.md").string()});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("README.md"), std::string::npos) << broken.err;
}

TEST_F(ApiKeys, AKeyGetsItsBurstThen429WithRetryAfterAndOtherKeysAreUnaffected) {
  for (const HeaderList& headers : {HeaderList{{"Authorization", "Bearer " + *partner_key_}},
                                    HeaderList{{"X-API-Key", *partner_key_}},
                                    HeaderList{{"authorization", "bearer " + *partner_key_}}}) {
    const HttpReply reply = get("/api/v1/search?q=judges&size=1", headers);
    EXPECT_EQ(reply.status, 200u) << reply.body;
  }
  const HttpReply limited = get("/api/v1/search?q=judges&size=1", {{"X-API-Key", *partner_key_}});
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(limited.header("Content-Type"), "application/problem+json; charset=utf-8");
  const std::string retry_after = limited.header("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_EQ(retry_after.find_first_not_of("0123456789"), std::string::npos) << retry_after;
  EXPECT_GE(std::stoul(retry_after), 1u);
  EXPECT_NE(limited.body.find("\"status\":429"), std::string::npos) << limited.body;

  const HttpReply other = get("/api/v1/search?q=judges&size=1", {{"X-API-Key", *other_key_}});
  EXPECT_EQ(other.status, 200u) << "another key has its own bucket";
  // The shared searchd (no keys file) does not limit at all.
  EXPECT_EQ(http_get(environment().port(), "/api/v1/search?q=judges&size=1").status, 200u);
}

TEST_F(ApiKeys, AnonymousUseHasItsOwnLowerLimit) {
  // Earlier tests may have used some of this address's anonymous tokens: count until refused.
  unsigned accepted = 0;
  HttpReply reply;
  for (int request = 0; request <= kAnonymousBurst; ++request) {
    reply = get("/api/v1/concepts");
    if (reply.status != 200) break;
    ++accepted;
  }
  EXPECT_LE(accepted, static_cast<unsigned>(kAnonymousBurst));
  EXPECT_EQ(reply.status, 429u) << reply.body;
  EXPECT_FALSE(reply.header("Retry-After").empty());
  EXPECT_NE(reply.body.find("without an API key"), std::string::npos) << reply.body;
  // Keys are not touched by the anonymous tier, nor HTML pages by any limit.
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", *other_key_}}).status, 200u);
  EXPECT_EQ(get("/search?q=judges").status, 200u);
}

TEST_F(ApiKeys, UnknownAndMalformedKeysAre401AndNeverEchoed) {
  const std::string unknown = "jil_" + std::string(43, 'Q');
  for (const HeaderList& headers :
       {HeaderList{{"X-API-Key", unknown}}, HeaderList{{"Authorization", "Bearer " + unknown}},
        HeaderList{{"Authorization", "Basic " + unknown}},
        HeaderList{{"Authorization", "Bearer " + *partner_key_}, {"X-API-Key", *other_key_}}}) {
    const HttpReply reply = get("/api/v1/search?q=judges", headers);
    EXPECT_EQ(reply.status, 401u) << headers.front().second;
    EXPECT_EQ(reply.header("Content-Type"), "application/problem+json; charset=utf-8");
    EXPECT_NE(reply.header("WWW-Authenticate").find("Bearer"), std::string::npos);
    EXPECT_EQ(reply.body.find(unknown), std::string::npos);
  }
}

TEST_F(ApiKeys, ARevokedKeyIs401OnTheNextRequest) {
  const std::string key = create_key({"--name", "Soon revoked"});
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", key}}).status, 200u);
  const ProgramResult revoked = keys_command("revoke", {key.substr(0, 12)});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_EQ(revoked.out.find(key), std::string::npos);
  const HttpReply after = get("/api/v1/concepts", {{"X-API-Key", key}});
  EXPECT_EQ(after.status, 401u) << after.body;
  EXPECT_NE(keys_command("list", {}).out.find("revoked"), std::string::npos);
}

// T-W10 "limits survive key rotation": the bucket belongs to the partner (the key's name), so a
// partner that drained it cannot refill it by rotating its key.
TEST_F(ApiKeys, RotatingAKeyKeepsThePartnersEmptyBucket) {
  const std::string old_key =
      create_key({"--name", "Rotating partner", "--rate", kSlowRate, "--burst", "2"});
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", old_key}}).status, 200u);
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", old_key}}).status, 200u);
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", old_key}}).status, 429u) << "bucket drained";

  const ProgramResult rotated = keys_command("rotate", {old_key.substr(0, 12)});
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  const std::string new_key = rotated.out.substr(0, rotated.out.find('\n'));
  ASSERT_EQ(new_key.size(), 47u) << rotated.out;
  keys_->push_back(new_key);
  EXPECT_NE(new_key, old_key);
  EXPECT_EQ(rotated.err.find(new_key), std::string::npos) << "stderr must not repeat the key";
  EXPECT_NE(rotated.err.find(old_key.substr(0, 12)), std::string::npos) << rotated.err;

  const HttpReply with_new = get("/api/v1/concepts", {{"X-API-Key", new_key}});
  EXPECT_EQ(with_new.status, 429u) << "the new key must not bring a full bucket";
  EXPECT_FALSE(with_new.header("Retry-After").empty());
  EXPECT_EQ(get("/api/v1/concepts", {{"X-API-Key", old_key}}).status, 401u) << "old key revoked";

  const std::string listed = keys_command("list", {}).out;
  EXPECT_NE(listed.find(new_key.substr(0, 12)), std::string::npos) << listed;
  // A revoked key cannot be rotated again (that would hand out a second live key).
  EXPECT_EQ(keys_command("rotate", {old_key.substr(0, 12)}).exit_code, 1);
}

// Eight `keys create` at once on one file (real processes): the lock beside the file keeps each
// read-modify-write whole, so every key is in the file afterwards.
TEST_F(ApiKeys, ConcurrentCreatesLoseNoKey) {
  const std::filesystem::path file = *root_ / "concurrent-keys.json";
  constexpr int kCreates = 8;
  std::vector<ProgramResult> results(kCreates);
  std::vector<std::thread> threads;
  for (int index = 0; index < kCreates; ++index) {
    threads.emplace_back([&results, &file, index] {
      results[index] = run_program(kSearchdPath, {"keys", "create", "--keys", file.string(),
                                                  "--name", "Partner " + std::to_string(index)});
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> prefixes;
  for (const ProgramResult& result : results) {
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string key = result.out.substr(0, result.out.find('\n'));
    keys_->push_back(key);
    prefixes.insert(key.substr(0, 12));
  }
  ASSERT_EQ(prefixes.size(), static_cast<size_t>(kCreates));
  const nlohmann::json document = nlohmann::json::parse(file_text(file));
  std::set<std::string> stored;
  for (const auto& key : document["keys"]) stored.insert(key["prefix"].get<std::string>());
  EXPECT_EQ(stored, prefixes);
  const ProgramResult listed = run_program(kSearchdPath, {"keys", "list", "--keys", file.string()});
  for (const std::string& prefix : prefixes) {
    EXPECT_NE(listed.out.find(prefix), std::string::npos) << listed.out;
  }
}

TEST_F(ApiKeys, AKeyInTheUrlIs400AndNotAccepted) {
  for (const char* name : {"api_key", "key", "apikey", "access_token"}) {
    const HttpReply reply = get("/api/v1/search?q=judges&" + std::string(name) + "=" + *other_key_);
    EXPECT_EQ(reply.status, 400u) << name;
    EXPECT_NE(reply.body.find("X-API-Key"), std::string::npos) << reply.body;
  }
}

TEST_F(ApiKeys, CorsAllowsOnlyTheKeysOrigins) {
  const HttpReply on_list =
      get("/api/v1/documents/coi-guidance-en",
          {{"X-API-Key", *other_key_}, {"Origin", "https://nowhere.example"}});
  EXPECT_EQ(on_list.status, 403u) << "the other key lists no origin";
  EXPECT_TRUE(on_list.header("Access-Control-Allow-Origin").empty());

  const std::string key = create_key(
      {"--name", "CORS", "--origin", "https://a.example", "--origin", "http://127.0.0.1:8000"});
  const HttpReply allowed = get("/api/v1/documents/coi-guidance-en",
                                {{"X-API-Key", key}, {"Origin", "http://127.0.0.1:8000"}});
  EXPECT_EQ(allowed.status, 200u) << allowed.body;
  EXPECT_EQ(allowed.header("Access-Control-Allow-Origin"), "http://127.0.0.1:8000");
  EXPECT_NE(allowed.header("Vary").find("Origin"), std::string::npos);
  EXPECT_TRUE(allowed.header("Access-Control-Allow-Credentials").empty());

  for (const char* origin : {"https://b.example", "null", "http://127.0.0.1:8001"}) {
    const HttpReply refused =
        get("/api/v1/documents/coi-guidance-en", {{"X-API-Key", key}, {"Origin", origin}});
    EXPECT_EQ(refused.status, 403u) << origin;
    EXPECT_TRUE(refused.header("Access-Control-Allow-Origin").empty()) << origin;
    EXPECT_NE(refused.header("Vary").find("Origin"), std::string::npos) << origin;
  }

  // Preflights: allowed for an origin some key lists, refused for any other and for null.
  const HttpReply preflight = get("/api/v1/search?q=x",
                                  {{"Origin", "https://a.example"},
                                   {"Access-Control-Request-Method", "GET"},
                                   {"Access-Control-Request-Headers", "x-api-key"}},
                                  "OPTIONS");
  EXPECT_EQ(preflight.status, 204u);
  EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "https://a.example");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Methods"), "GET, HEAD");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Headers"), "Authorization, X-API-Key");
  EXPECT_EQ(preflight.header("Access-Control-Max-Age"), "600");
  EXPECT_EQ(preflight.header_count("Content-Length"), 0u) << "a 204 has none (RFC 9110 8.6)";
  for (const char* origin : {"https://b.example", "null"}) {
    const HttpReply refused =
        get("/api/v1/search?q=x", {{"Origin", origin}, {"Access-Control-Request-Method", "GET"}},
            "OPTIONS");
    EXPECT_EQ(refused.status, 403u) << origin;
    EXPECT_TRUE(refused.header("Access-Control-Allow-Origin").empty()) << origin;
  }
}

// --trusted-proxy over real HTTP: the test client connects from 127.0.0.1. Listed as a proxy,
// its X-Forwarded-For names the anonymous client (a bucket each); not listed, the header is
// ignored and every request spends the peer's own bucket, whatever address it claims.
TEST(TrustedProxy, ForwardedForNamesTheClientOnlyBehindAListedProxy) {
  const std::vector<std::string> tiny_limit = {"--anonymous-rate", kSlowRate, "--anonymous-burst",
                                               "1"};
  std::vector<std::string> trusting = tiny_limit;
  trusting.insert(trusting.end(), {"--trusted-proxy", "127.0.0.0/8", "--trusted-proxy", "::1"});
  OwnSearchd behind_proxy(environment().index_dir(), trusting);
  ASSERT_NE(behind_proxy.port(), 0);
  const auto status = [](unsigned short port, const std::string& forwarded_for) {
    return http_request(port, "GET", "/api/v1/concepts", {{"X-Forwarded-For", forwarded_for}})
        .status;
  };
  EXPECT_EQ(status(behind_proxy.port(), "198.51.100.1"), 200u);
  EXPECT_EQ(status(behind_proxy.port(), "198.51.100.1"), 429u) << "198.51.100.1 spent its token";
  EXPECT_EQ(status(behind_proxy.port(), "198.51.100.2"), 200u) << "another client, its own bucket";
  // A client's own fake first hop does not help: the proxy's appended hop is the client.
  EXPECT_EQ(status(behind_proxy.port(), "203.0.113.9, 198.51.100.1"), 429u);

  std::vector<std::string> untrusting = tiny_limit;
  untrusting.insert(untrusting.end(), {"--trusted-proxy", "10.0.0.0/8"});
  OwnSearchd direct(environment().index_dir(), untrusting);
  ASSERT_NE(direct.port(), 0);
  EXPECT_EQ(status(direct.port(), "198.51.100.1"), 200u);
  EXPECT_EQ(status(direct.port(), "198.51.100.2"), 429u) << "a spoofed header changes nothing";

  const ProgramResult bad = run_program(kSearchdPath, {"--trusted-proxy", "10.0.0.1/8"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--trusted-proxy 10.0.0.1/8"), std::string::npos) << bad.err;
}

// Last: stops the test searchd and looks for every key made above in everything it wrote.
TEST_F(ApiKeys, ZzTheRawKeysAppearNowhere) {
  // Requests without a key from a browser page on any origin but null get "*": public data.
  const HttpReply anonymous = get("/api/v1/concepts", {{"Origin", "https://anywhere.example"}});
  EXPECT_EQ(anonymous.header("Access-Control-Allow-Origin"), "*") << anonymous.status;
  const HttpReply from_null = get("/api/v1/concepts", {{"Origin", "null"}});
  EXPECT_TRUE(from_null.header("Access-Control-Allow-Origin").empty());

  ASSERT_NE(searchd_, nullptr);
  EXPECT_EQ(searchd_->stop(), 0);
  const std::string output = file_text(*root_ / "searchd.err");
  const std::string key_file_contents = file_text(key_file());
  ASSERT_FALSE(keys_->empty());
  for (const std::string& key : *keys_) {
    EXPECT_EQ(output.find(key), std::string::npos) << "searchd's stderr";
    EXPECT_EQ(key_file_contents.find(key), std::string::npos) << "the key file";
    EXPECT_EQ(replies_->find(key), std::string::npos) << "an answer";
    EXPECT_EQ(key_file_contents.find(key.substr(12)), std::string::npos) << "the key's secret part";
  }
}

}  // namespace
}  // namespace jil::integration
