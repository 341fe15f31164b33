// Entry point of integration_tests: registers the shared index + searchd environment, then
// runs every test in this one process (so the corpus is indexed once).
#include <gtest/gtest.h>

#include "test_environment.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // GoogleTest owns and deletes the hook.
  ::testing::AddGlobalTestEnvironment(new jil::integration::IntegrationEnvironmentHook);
  return RUN_ALL_TESTS();
}
