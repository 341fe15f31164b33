// Implementation of progress.h, writing to stderr so stdout stays for --json.
#include "ingest/progress.h"

#include <unistd.h>

namespace jil::ingest {
namespace {
// How often the display is refreshed: often enough to look alive, rarely enough to cost nothing.
constexpr auto kTerminalRefresh = std::chrono::milliseconds(200);
constexpr auto kLogRefresh = std::chrono::seconds(5);
constexpr int kBarWidth = 30;
}  // namespace

Progress::Progress(size_t total_files, bool quiet)
    : total_files_(total_files),
      quiet_(quiet),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::advance(uint64_t bytes) {
  const std::lock_guard lock(mutex_);
  ++done_files_;
  done_bytes_ += bytes;
  if (quiet_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < (terminal_ ? kTerminalRefresh : kLogRefresh)) return;
  last_draw_ = now;
  draw(false);
}

void Progress::finish() {
  const std::lock_guard lock(mutex_);
  if (!quiet_) draw(true);
}

void Progress::clear_line() {
  const std::lock_guard lock(mutex_);
  if (!quiet_ && terminal_) std::fputs("\r\033[K", stderr);
}

void Progress::draw(bool final_line) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done_files_) / seconds : 0;
  const double eta = rate > 0 ? static_cast<double>(total_files_ - done_files_) / rate : 0;
  const double megabytes = static_cast<double>(done_bytes_) / 1e6;
  if (terminal_) {
    const int filled =
        total_files_ ? static_cast<int>(kBarWidth * done_files_ / total_files_) : kBarWidth;
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files  %.1f MB  %.0f files/s  ETA %.0f s ", filled,
                 "##############################", kBarWidth - filled, "", done_files_,
                 total_files_, megabytes, rate, eta);
    if (final_line) std::fputc('\n', stderr);
  } else {
    std::fprintf(stderr, "progress: %zu/%zu files, %.1f MB, %.0f files/s, ETA %.0f s\n",
                 done_files_, total_files_, megabytes, rate, eta);
  }
  std::fflush(stderr);
}

}  // namespace jil::ingest
