// Tests api/api_key.cc: keys carry 256 random bits in a fixed form, prefixes and hashes are
// what the key file stores.
#include "api/api_key.h"

#include <gtest/gtest.h>

#include <set>

namespace jil::api {
namespace {

TEST(ApiKey, NewKeysHaveTheFormAndDiffer) {
  std::set<std::string> seen;
  for (int round = 0; round < 100; ++round) {
    Result<std::string> key = generate_api_key();
    ASSERT_TRUE(key.is_ok()) << key.status().to_string();
    EXPECT_EQ(key->size(), kApiKeyLength);
    EXPECT_TRUE(key->starts_with("jil_")) << *key;
    EXPECT_TRUE(is_api_key_form(*key)) << *key;
    EXPECT_TRUE(seen.insert(*key).second) << "a key came twice";
  }
  // 43 base64url characters carry 258 bits, at least the 256 generated (>= 128 asked).
  EXPECT_GE((kApiKeyLength - kApiKeyTag.size()) * 6, kApiKeyRandomBytes * 8);
  EXPECT_GE(kApiKeyRandomBytes * 8, 128u);
}

TEST(ApiKey, FormIsChecked) {
  const std::string good = "jil_" + std::string(43, 'A');
  EXPECT_TRUE(is_api_key_form(good));
  EXPECT_FALSE(is_api_key_form("jil_" + std::string(42, 'A')));
  EXPECT_FALSE(is_api_key_form("xyz_" + std::string(43, 'A')));
  EXPECT_FALSE(is_api_key_form("jil_" + std::string(42, 'A') + "+"));
  EXPECT_FALSE(is_api_key_form(""));
}

TEST(ApiKey, PrefixAndHashAreWhatIsStored) {
  const std::string key = "jil_abcdefgh" + std::string(35, 'x');
  EXPECT_EQ(api_key_prefix(key), "jil_abcdefgh");
  // SHA-256 of "abc" (FIPS 180-2 example).
  EXPECT_EQ(api_key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(api_key_hash(key), api_key_hash(key + "y"));
}

}  // namespace
}  // namespace jil::api
