// Progress of an ingest run for staff: a bar redrawn in place on a terminal (files, MB, rate,
// ETA), plain log lines every few seconds and a last one at the end otherwise, nothing with
// --quiet. Thread-safe: the shards of a parallel build advance one display.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>

namespace jil::ingest {

class Progress {
 public:
  Progress(size_t total_files, bool quiet);
  void advance(uint64_t bytes);
  void finish();
  // Clears the bar so that a log line can be printed; it is redrawn on the next update.
  void clear_line();

 private:
  void draw(bool final_line);

  std::mutex mutex_;
  size_t total_files_;
  size_t done_files_ = 0;
  uint64_t done_bytes_ = 0;
  bool quiet_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace jil::ingest
