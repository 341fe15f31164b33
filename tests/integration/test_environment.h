// The shared fixture of the integration tests: once per test program, jil-indexer indexes
// corpus/ into a fresh temporary folder and one jil-searchd serves it on 127.0.0.1.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "child_process.h"
#include "corpus_catalog.h"

namespace jil::integration {

// Set by CMake: the programs under test and the source tree (corpus/, web/).
inline const std::string kIndexerPath = JIL_INDEXER_PATH;
inline const std::string kSearchdPath = JIL_SEARCHD_PATH;
inline const std::filesystem::path kSourceDir = JIL_SOURCE_DIR;
// Every indexer the tests run stamps documents with this time (SOURCE_DATE_EPOCH, see
// indexer/ingest/index_clock.h), so that separate runs over the same files give the same index.
inline constexpr char kIndexEpoch[] = "1700000000";
inline constexpr char kIndexEpochDatestamp[] = "2023-11-14T22:13:20Z";

class IntegrationEnvironment {
 public:
  // Indexes the corpus and starts searchd; fails the current test program on error.
  void start();
  // Stops searchd with SIGTERM (expecting a clean exit) and removes the temporary folder.
  void stop();

  unsigned short port() const { return port_; }
  const std::filesystem::path& index_dir() const { return index_dir_; }
  const std::filesystem::path& store_dir() const { return store_dir_; }
  std::filesystem::path corpus_dir() const { return kSourceDir / "corpus"; }
  const CorpusCatalog& catalog() const { return catalog_; }
  // What the initial `jil-indexer index --json` run printed and returned.
  const ProgramResult& initial_index_run() const { return initial_index_run_; }
  // A new empty folder inside the fixture's temporary folder, named after `label`.
  std::filesystem::path make_temp_dir(const std::string& label) const;

 private:
  std::filesystem::path root_;
  std::filesystem::path index_dir_;
  std::filesystem::path store_dir_;
  CorpusCatalog catalog_;
  ProgramResult initial_index_run_;
  std::unique_ptr<ServerProcess> searchd_;
  unsigned short port_ = 0;
};

// The one environment of this test program (started by integration_main.cc).
IntegrationEnvironment& environment();

// GoogleTest's hook: SetUp/TearDown run environment().start()/stop() around all tests.
class IntegrationEnvironmentHook : public ::testing::Environment {
 public:
  void SetUp() override { environment().start(); }
  void TearDown() override { environment().stop(); }
};

}  // namespace jil::integration
