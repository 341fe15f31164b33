// Counters of what searchd's HTTP edge did with connections and requests (shed, dropped, cut),
// shared by all threads, and their Prometheus text rendering for GET /metrics (loopback only).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace jil::server {

struct EdgeCounters {
  std::atomic<uint64_t> requests_handled{0};          // run by a search thread
  std::atomic<uint64_t> shed_queue_full{0};           // 503 at once: the queue was full
  std::atomic<uint64_t> shed_would_wait_too_long{0};  // 503 at once: the wait ahead was too long
  std::atomic<uint64_t> shed_waited_too_long{0};      // 503 without running: waited past the limit
  std::atomic<uint64_t> shed_while_waiting{0};        // 503 while queued: could not start in time
  std::atomic<uint64_t> answered_at_once{0};          // read no index: answered by the I/O thread
  std::atomic<uint64_t> dropped_client_gone{0};       // not run: the client had closed
  std::atomic<uint64_t> refused_over_cap{0};          // connection closed at once: global cap
  std::atomic<uint64_t> refused_per_client{0};        // connection closed at once: per-client cap
  std::atomic<uint64_t> responses_cut{0};  // a write made no progress within its deadline
};

// What is open or under way now, beside the counters.
struct EdgeGauges {
  size_t open_connections = 0;
  size_t searches_waiting = 0;  // queued for a search thread
  size_t searches_running = 0;
  // The shared result cache (search/result_cache.h); all 0 when it is off.
  uint64_t cache_hits = 0;
  uint64_t cache_misses = 0;
  size_t cache_bytes = 0;
  size_t cache_entries = 0;
};

// One `name value` line per counter and gauge.
std::string render_metrics(const EdgeCounters& counters, const EdgeGauges& gauges);

}  // namespace jil::server
