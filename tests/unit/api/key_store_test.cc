// Tests api/key_store.cc: keys are found by the key (never by the prefix alone), revoked keys
// are refused, and a changed file is read again on the next lookup.
#include "api/key_store.h"

#include <gtest/gtest.h>

#include "api/api_key.h"
#include "base/file_io.h"
#include "temporary_directory.h"

namespace jil::api {
namespace {

KeyRecord record_for(const std::string& key, std::vector<std::string> origins = {}) {
  KeyRecord record;
  record.prefix = api_key_prefix(key);
  record.sha256 = api_key_hash(key);
  record.name = "test";
  record.origins = std::move(origins);
  record.created = "2026-11-26T10:00:00Z";
  return record;
}

const std::string kKeyA = "jil_AAAAAAAA" + std::string(35, 'a');
const std::string kKeyB = "jil_BBBBBBBB" + std::string(35, 'b');

TEST(KeyStore, FindsTheKeyOnlyByItsWholeValue) {
  KeyStore store({record_for(kKeyA), record_for(kKeyB)});
  ASSERT_TRUE(store.find(kKeyA).has_value());
  EXPECT_EQ(store.find(kKeyA)->prefix, api_key_prefix(kKeyA));
  EXPECT_EQ(store.find(kKeyB)->prefix, api_key_prefix(kKeyB));
  EXPECT_FALSE(store.find(api_key_prefix(kKeyA)).has_value());
  EXPECT_FALSE(store.find(kKeyA.substr(0, kKeyA.size() - 1) + "b").has_value());
  EXPECT_FALSE(store.find("").has_value());
  EXPECT_FALSE(store.find(api_key_hash(kKeyA)).has_value()) << "the stored hash is no key";
}

TEST(KeyStore, RevokedKeysAreRefused) {
  KeyRecord revoked = record_for(kKeyA, {"https://a.example"});
  revoked.revoked = "2026-11-26T11:00:00Z";
  KeyStore store({revoked});
  EXPECT_FALSE(store.find(kKeyA).has_value());
  EXPECT_FALSE(store.any_key_allows_origin("https://a.example"));
}

TEST(KeyStore, OriginsOfValidKeysAllowPreflights) {
  KeyStore store({record_for(kKeyA, {"https://a.example"}), record_for(kKeyB)});
  EXPECT_TRUE(store.any_key_allows_origin("https://a.example"));
  EXPECT_FALSE(store.any_key_allows_origin("https://b.example"));
  EXPECT_FALSE(store.any_key_allows_origin("null"));
}

TEST(KeyStore, ReadsTheFileAgainWhenItChanges) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "keys.json";
  ASSERT_TRUE(save_key_file(path, {record_for(kKeyA)}).is_ok());
  Result<std::unique_ptr<KeyStore>> store = KeyStore::open(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_TRUE((*store)->find(kKeyA).has_value());
  EXPECT_FALSE((*store)->find(kKeyB).has_value());

  KeyRecord revoked = record_for(kKeyA);
  revoked.revoked = "2026-11-26T11:00:00Z";
  ASSERT_TRUE(save_key_file(path, {revoked, record_for(kKeyB)}).is_ok());
  EXPECT_FALSE((*store)->find(kKeyA).has_value()) << "revoked on the very next lookup";
  EXPECT_TRUE((*store)->find(kKeyB).has_value());

  // A broken file keeps the keys read before.
  ASSERT_TRUE(write_file_atomically(path, "{broken").is_ok());
  EXPECT_TRUE((*store)->find(kKeyB).has_value());
}

TEST(KeyStore, OpenNamesTheFileAndTheReason) {
  TemporaryDirectory directory;
  Result<std::unique_ptr<KeyStore>> missing = KeyStore::open(directory.path() / "none.json");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_NE(missing.status().message().find("none.json"), std::string::npos);
  ASSERT_TRUE(write_file_atomically(directory.path() / "bad.json", "[]").is_ok());
  Result<std::unique_ptr<KeyStore>> bad = KeyStore::open(directory.path() / "bad.json");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("bad.json"), std::string::npos);
}

}  // namespace
}  // namespace jil::api
