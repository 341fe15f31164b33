// jil-search-bench: the CPU time of searchd's search itself (Searcher::search, one thread, no
// result cache, no HTTP, no rendering) over a query file, so that a change to the search path can
// be compared before/after with far less noise than wrk gives. Prints one JSON line per round.
// Built only on request: `cmake --build build/release --target jil-search-bench`.
//
//   jil-search-bench DB QUERIES_TSV [ROUNDS] [--metadata-only]
// QUERIES_TSV holds "language<TAB>query" lines, as tools/bench/gen_queries.py writes them; each
// query is asked as the API's `q=QUERY&hl=LANGUAGE` would ask it (first page, 10 results), or
// with --metadata-only as `fields=` without snippets, highlights or versions would.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "search/searcher.h"

namespace {

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

std::vector<jil::search::SearchRequest> read_queries(const std::string& path, bool metadata_only) {
  std::vector<jil::search::SearchRequest> requests;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto language = jil::analysis::parse_language(line.substr(0, tab));
    if (!language) continue;
    jil::search::SearchRequest request;
    request.query = line.substr(tab + 1);
    request.home_language = *language;
    if (metadata_only) request.parts = jil::search::HitParts{false, false, false, false};
    requests.push_back(std::move(request));
  }
  return requests;
}

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(fraction * values.size()));
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: jil-search-bench DB QUERIES_TSV [ROUNDS] [--metadata-only]\n";
    return 2;
  }
  const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  auto searcher = jil::search::Searcher::open(argv[1]);
  if (!searcher.is_ok()) {
    std::cerr << argv[1] << ": " << searcher.status().message() << "\n";
    return 1;
  }
  const bool metadata_only = argc > 4 && std::string(argv[4]) == "--metadata-only";
  const std::vector<jil::search::SearchRequest> requests = read_queries(argv[2], metadata_only);
  if (requests.empty()) {
    std::cerr << argv[2] << ": no queries\n";
    return 1;
  }
  if (const jil::Status warmed = (*searcher)->warm_up(); !warmed.is_ok()) {
    std::cerr << "warm-up: " << warmed.message() << "\n";
    return 1;
  }
  for (int round = 1; round <= rounds; ++round) {
    std::vector<double> each;
    size_t failed = 0;
    uint64_t hits = 0;
    const double round_start = thread_cpu_seconds();
    for (const jil::search::SearchRequest& request : requests) {
      const double start = thread_cpu_seconds();
      const auto results = (*searcher)->search(request);
      each.push_back((thread_cpu_seconds() - start) * 1e3);
      if (!results.is_ok()) {
        ++failed;
      } else {
        hits += results->hits.size();
      }
    }
    const double total = thread_cpu_seconds() - round_start;
    std::cout << "{\"round\": " << round << ", \"queries\": " << requests.size()
              << ", \"failed\": " << failed << ", \"hits\": " << hits
              << ", \"cpu_ms_per_search\": " << total * 1e3 / static_cast<double>(requests.size())
              << ", \"p50_ms\": " << percentile(each, 0.5)
              << ", \"p90_ms\": " << percentile(each, 0.9)
              << ", \"p99_ms\": " << percentile(each, 0.99) << "}\n";
  }
  return 0;
}
