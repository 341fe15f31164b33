// jil-shard: splits an index into shards for xapian-tcpsrv (see search/index_splitter.h).
//   jil-shard --count N --db SRC OUTDIR
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "search/index_splitter.h"

int main(int argc, char** argv) {
  unsigned count = 0;
  const char* source = nullptr;
  const char* out = nullptr;
  for (int index = 1; index < argc; ++index) {
    const std::string_view argument = argv[index];
    if (argument == "--count" && index + 1 < argc) {
      count = static_cast<unsigned>(std::strtoul(argv[++index], nullptr, 10));
    } else if (argument == "--db" && index + 1 < argc) {
      source = argv[++index];
    } else if (!argument.starts_with("-") && out == nullptr) {
      out = argv[index];
    } else {
      source = nullptr;
      break;
    }
  }
  if (source == nullptr || out == nullptr) {
    std::fprintf(stderr, "usage: jil-shard --count N --db SRC OUTDIR\n");
    return 2;
  }
  auto shards = jil::search::split_index(source, count, out);
  if (!shards.is_ok()) {
    std::fprintf(stderr, "jil-shard: %s\n", shards.status().message().c_str());
    return 1;
  }
  for (const auto& path : *shards) std::printf("%s\n", path.c_str());
  return 0;
}
