// Tests api/api_access.cc (and api/trusted_proxies.cc), the order of the checks on /api/v1/*:
// preflight, key in the URL (400), bad or revoked key (401, never echoed), Origin off the key's
// list (403), rate limit (429 with Retry-After), and the CORS headers of what passes. Times are
// explicit; nothing sleeps.
#include "api/api_access.h"

#include <gtest/gtest.h>

#include "api/api_key.h"
#include "api/key_file.h"
#include "api/key_store.h"
#include "temporary_directory.h"

namespace jil::api {
namespace {

const std::string kKey = "jil_PortalAA" + std::string(35, 'p');
const std::string kOtherKey = "jil_OtherBBB" + std::string(35, 'o');
const std::string kRevokedKey = "jil_RevokedC" + std::string(35, 'r');
const RateLimiter::Clock::time_point kNow{};

std::vector<KeyRecord> test_keys() {
  const auto make = [](const std::string& key, std::vector<std::string> origins) {
    KeyRecord record;
    record.prefix = api_key_prefix(key);
    record.sha256 = api_key_hash(key);
    record.name = "partner " + record.prefix;  // each key its own partner
    record.rate = 0.01;
    record.burst = 2;
    record.origins = std::move(origins);
    record.created = "2026-11-26T10:00:00Z";
    return record;
  };
  KeyRecord revoked = make(kRevokedKey, {});
  revoked.revoked = "2026-11-26T11:00:00Z";
  return {make(kKey, {"https://portal.example"}), make(kOtherKey, {}), revoked};
}

HttpRequest api_get(std::string target = "/api/v1/search?q=judges") {
  HttpRequest request;
  request.method = "GET";
  request.target = std::move(target);
  request.peer_address = "192.0.2.7";
  return request;
}

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

class ApiAccessTest : public ::testing::Test {
 protected:
  KeyStore keys_{test_keys()};
  ApiAccess access_{keys_, {/*rate=*/0.01, /*burst=*/3}};
};

TEST_F(ApiAccessTest, OtherRoutesAreLeftAlone) {
  for (int request = 0; request < 10; ++request) {
    const ApiAdmission admission = access_.admit(api_get("/search?q=judges"), kNow);
    EXPECT_FALSE(admission.is_api);
    EXPECT_FALSE(admission.answer.has_value());
  }
}

TEST_F(ApiAccessTest, AValidKeyPassesThenHitsItsLimit) {
  HttpRequest request = api_get();
  request.authorization = "Bearer " + kKey;
  EXPECT_FALSE(access_.admit(request, kNow).answer.has_value());
  request.authorization.clear();
  request.x_api_key = kKey;
  EXPECT_FALSE(access_.admit(request, kNow).answer.has_value());
  const ApiAdmission limited = access_.admit(request, kNow);
  ASSERT_TRUE(limited.answer.has_value());
  EXPECT_EQ(limited.answer->status, 429u);
  EXPECT_EQ(header(*limited.answer, "Retry-After"), "100");  // 1 token at 0.01/s
  EXPECT_EQ(limited.answer->content_type, "application/problem+json; charset=utf-8");
  EXPECT_EQ(limited.answer->body.find(kKey), std::string::npos);
  // Another key, and anonymous use, are not affected.
  HttpRequest other = api_get();
  other.x_api_key = kOtherKey;
  EXPECT_FALSE(access_.admit(other, kNow).answer.has_value());
  EXPECT_FALSE(access_.admit(api_get(), kNow).answer.has_value());
}

TEST_F(ApiAccessTest, AnonymousUseIsLimitedPerAddress) {
  for (int request = 0; request < 3; ++request) {
    EXPECT_FALSE(access_.admit(api_get(), kNow).answer.has_value()) << request;
  }
  const ApiAdmission limited = access_.admit(api_get(), kNow);
  ASSERT_TRUE(limited.answer.has_value());
  EXPECT_EQ(limited.answer->status, 429u);
  EXPECT_EQ(header(*limited.answer, "Retry-After"), "100");
  HttpRequest elsewhere = api_get();
  elsewhere.peer_address = "192.0.2.8";
  EXPECT_FALSE(access_.admit(elsewhere, kNow).answer.has_value());
}

TEST_F(ApiAccessTest, UnknownRevokedAndMalformedKeysAre401WithoutTheKey) {
  for (const std::string& bad :
       {kRevokedKey, std::string("jil_") + std::string(43, 'z'), std::string("not-a-key")}) {
    HttpRequest request = api_get();
    request.x_api_key = bad;
    const ApiAdmission admission = access_.admit(request, kNow);
    ASSERT_TRUE(admission.answer.has_value()) << bad;
    EXPECT_EQ(admission.answer->status, 401u);
    EXPECT_EQ(admission.answer->body.find(bad), std::string::npos) << "the key is never echoed";
    EXPECT_NE(header(*admission.answer, "WWW-Authenticate").find("Bearer"), std::string::npos);
  }
  HttpRequest basic = api_get();
  basic.authorization = "Basic dXNlcjpwYXNz";
  EXPECT_EQ(access_.admit(basic, kNow).answer->status, 401u);
  HttpRequest two = api_get();
  two.authorization = "Bearer " + kKey;
  two.x_api_key = kOtherKey;
  const ApiAdmission conflicting = access_.admit(two, kNow);
  EXPECT_EQ(conflicting.answer->status, 401u);
  EXPECT_EQ(conflicting.answer->body.find(kKey), std::string::npos);
}

TEST_F(ApiAccessTest, KeysInTheUrlAre400) {
  for (const char* name : {"api_key", "apikey", "key", "access_token"}) {
    const ApiAdmission admission =
        access_.admit(api_get("/api/v1/search?q=x&" + std::string(name) + "=" + kKey), kNow);
    ASSERT_TRUE(admission.answer.has_value()) << name;
    EXPECT_EQ(admission.answer->status, 400u) << name;
    EXPECT_EQ(admission.answer->body.find(kKey), std::string::npos);
    EXPECT_NE(admission.answer->body.find("X-API-Key"), std::string::npos);
  }
}

TEST_F(ApiAccessTest, CorsFollowsTheKeysList) {
  HttpRequest on_list = api_get();
  on_list.x_api_key = kKey;
  on_list.origin = "https://portal.example";
  const ApiAdmission allowed = access_.admit(on_list, kNow);
  EXPECT_FALSE(allowed.answer.has_value());
  EXPECT_EQ(allowed.allow_origin, "https://portal.example");
  HttpResponse response;
  ApiAccess::finish(allowed, response);
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "https://portal.example");
  EXPECT_EQ(header(response, "Vary"), "Origin");

  for (const char* origin : {"https://evil.example", "null"}) {
    HttpRequest off_list = on_list;
    off_list.origin = origin;
    const ApiAdmission refused = access_.admit(off_list, kNow);
    ASSERT_TRUE(refused.answer.has_value()) << origin;
    EXPECT_EQ(refused.answer->status, 403u) << origin;
    EXPECT_EQ(refused.allow_origin, "") << origin;
  }

  HttpRequest anonymous = api_get();
  anonymous.origin = "https://anywhere.example";
  EXPECT_EQ(access_.admit(anonymous, kNow).allow_origin, "*");
  anonymous.origin = "null";
  EXPECT_EQ(access_.admit(anonymous, kNow).allow_origin, "");
}

TEST_F(ApiAccessTest, PreflightsAreAnsweredForListedOrigins) {
  HttpRequest preflight = api_get();
  preflight.method = "OPTIONS";
  preflight.access_control_request_method = "GET";
  preflight.origin = "https://portal.example";
  const ApiAdmission allowed = access_.admit(preflight, kNow);
  ASSERT_TRUE(allowed.answer.has_value());
  EXPECT_EQ(allowed.answer->status, 204u);
  EXPECT_EQ(header(*allowed.answer, "Access-Control-Allow-Origin"), "https://portal.example");
  for (const char* origin : {"https://evil.example", "null"}) {
    preflight.origin = origin;
    const ApiAdmission refused = access_.admit(preflight, kNow);
    ASSERT_TRUE(refused.answer.has_value());
    EXPECT_EQ(refused.answer->status, 403u);
    EXPECT_EQ(header(*refused.answer, "Access-Control-Allow-Origin"), "");
  }
}

// T-W10: the bucket is the partner's (its keys' name), so a new key of the same partner, as
// `keys rotate` writes it into the key file, starts with the old key's tokens, not a full bucket.
TEST(ApiAccessRotation, ANewKeyOfThePartnerInheritsTheEmptyBucket) {
  TemporaryDirectory directory;
  const std::filesystem::path file = directory.path() / "keys.json";
  std::vector<KeyRecord> records = test_keys();
  ASSERT_TRUE(save_key_file(file, records).is_ok());
  Result<std::unique_ptr<KeyStore>> store = KeyStore::open(file);
  ASSERT_TRUE(store.is_ok()) << store.status().message();
  ApiAccess access{**store, {/*rate=*/0.01, /*burst=*/3}};
  HttpRequest old_request = api_get();
  old_request.x_api_key = kKey;
  EXPECT_FALSE(access.admit(old_request, kNow).answer.has_value());
  EXPECT_FALSE(access.admit(old_request, kNow).answer.has_value());
  EXPECT_EQ(access.admit(old_request, kNow).answer->status, 429u);

  // Rotation: the same partner, a new key, the old one revoked.
  const std::string rotated_key = "jil_RotatedD" + std::string(35, 'n');
  KeyRecord rotated = records.front();
  rotated.prefix = api_key_prefix(rotated_key);
  rotated.sha256 = api_key_hash(rotated_key);
  records.front().revoked = "2026-11-26T12:00:00Z";
  records.push_back(rotated);
  ASSERT_TRUE(save_key_file(file, records).is_ok());
  HttpRequest new_request = api_get();
  new_request.x_api_key = rotated_key;
  const ApiAdmission limited = access.admit(new_request, kNow);
  ASSERT_TRUE(limited.answer.has_value()) << "the new key must not bring a full bucket";
  EXPECT_EQ(limited.answer->status, 429u);
  EXPECT_EQ(access.admit(old_request, kNow).answer->status, 401u);
  // Once the partner's bucket refills, the new key is served.
  EXPECT_FALSE(access.admit(new_request, kNow + std::chrono::seconds(100)).answer.has_value());
}

// --trusted-proxy: X-Forwarded-For names the anonymous client only when the peer is a listed
// proxy; a client sending the header itself still spends its own bucket.
TEST(ApiAccessProxies, ForwardedForIsBelievedOnlyFromTrustedProxies) {
  KeyStore keys{test_keys()};
  Result<AddressRange> proxies = parse_address_range("10.0.0.0/8");
  ASSERT_TRUE(proxies.is_ok());
  ApiAccess access{keys, {/*rate=*/0.01, /*burst=*/1}, TrustedProxies({*proxies})};
  HttpRequest via_proxy = api_get();
  via_proxy.peer_address = "10.1.2.3";
  via_proxy.x_forwarded_for = "198.51.100.1";
  EXPECT_FALSE(access.admit(via_proxy, kNow).answer.has_value());
  EXPECT_EQ(access.admit(via_proxy, kNow).answer->status, 429u) << "198.51.100.1's bucket";
  via_proxy.x_forwarded_for = "198.51.100.2";
  EXPECT_FALSE(access.admit(via_proxy, kNow).answer.has_value()) << "another client behind it";

  HttpRequest spoofing = api_get();
  spoofing.peer_address = "192.0.2.50";
  spoofing.x_forwarded_for = "198.51.100.3";
  EXPECT_FALSE(access.admit(spoofing, kNow).answer.has_value());
  spoofing.x_forwarded_for = "198.51.100.4";
  EXPECT_EQ(access.admit(spoofing, kNow).answer->status, 429u) << "still 192.0.2.50's bucket";
}

TEST(TrustedProxies, TheClientIsTheLastUntrustedHop) {
  std::vector<AddressRange> ranges;
  for (const char* text : {"10.0.0.0/8", "fd00::/8", "127.0.0.1"}) {
    Result<AddressRange> range = parse_address_range(text);
    ASSERT_TRUE(range.is_ok()) << text << ": " << range.status().message();
    ranges.push_back(*range);
  }
  const TrustedProxies proxies(ranges);
  EXPECT_EQ(proxies.client_address("10.0.0.1", "198.51.100.7"), "198.51.100.7");
  // The client wrote a fake first hop; the proxy appended the real peer.
  EXPECT_EQ(proxies.client_address("10.0.0.1", "1.2.3.4, 198.51.100.7"), "198.51.100.7");
  // Two proxies in a row.
  EXPECT_EQ(proxies.client_address("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.9.9.9"), "198.51.100.7");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "[2001:db8::5]:4711"), "2001:db8::5");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "198.51.100.7:4711"), "198.51.100.7");
  EXPECT_EQ(proxies.client_address("::ffff:10.0.0.1", "2001:db8::5"), "2001:db8::5");
  EXPECT_EQ(proxies.client_address("fd00::1", "2001:db8::5"), "2001:db8::5");
  // Garbage or nothing: the nearest trusted address.
  EXPECT_EQ(proxies.client_address("10.0.0.1", "unknown"), "10.0.0.1");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "198.51.100.7, nonsense, 10.2.2.2"), "10.2.2.2");
  EXPECT_EQ(proxies.client_address("10.0.0.1", ""), "10.0.0.1");
  // Not from a proxy: the header is ignored.
  EXPECT_EQ(proxies.client_address("192.0.2.1", "198.51.100.7"), "192.0.2.1");
  EXPECT_EQ(TrustedProxies().client_address("10.0.0.1", "198.51.100.7"), "10.0.0.1");
}

TEST(TrustedProxies, BadRangesAreRefusedWithTheReason) {
  for (const char* text : {"", "10.0.0.0/33", "10.0.0.1/8", "::1/129", "example.com", "10.0.0.0/",
                           "10.0.0.0/x", "1.2.3.4.5"}) {
    const Result<AddressRange> range = parse_address_range(text);
    ASSERT_FALSE(range.is_ok()) << text;
    EXPECT_NE(range.status().message().find("--trusted-proxy"), std::string::npos);
  }
}

TEST(AnonymousBucketName, GroupsIpv6ByItsSlash64) {
  EXPECT_EQ(anonymous_bucket_name("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(anonymous_bucket_name("::ffff:192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(anonymous_bucket_name("2001:db8:1:2:aaaa::1"),
            anonymous_bucket_name("2001:db8:1:2::9"));
  EXPECT_NE(anonymous_bucket_name("2001:db8:1:2::1"), anonymous_bucket_name("2001:db8:1:3::1"));
}

}  // namespace
}  // namespace jil::api
