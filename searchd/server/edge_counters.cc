// Implementation of edge_counters.h.
#include "server/edge_counters.h"

namespace jil::server {

namespace {

void add(std::string& text, const char* name, const char* help, const char* type, uint64_t value) {
  text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
          name + " " + std::to_string(value) + "\n";
}

}  // namespace

std::string render_metrics(const EdgeCounters& counters, const EdgeGauges& gauges) {
  std::string text;
  add(text, "jil_requests_handled_total", "Requests run by a search thread.", "counter",
      counters.requests_handled.load());
  add(text, "jil_requests_shed_queue_full_total",
      "Requests answered 503 because the queue was full.", "counter",
      counters.shed_queue_full.load());
  add(text, "jil_requests_shed_would_wait_too_long_total",
      "Requests answered 503 at once because those ahead would keep them waiting past "
      "--max-queue-wait-ms.",
      "counter", counters.shed_would_wait_too_long.load());
  add(text, "jil_requests_shed_waited_too_long_total",
      "Requests answered 503 without running because they waited past --max-queue-wait-ms.",
      "counter", counters.shed_waited_too_long.load());
  add(text, "jil_requests_shed_while_waiting_total",
      "Requests answered 503 while queued, unrun, once the work ahead of them showed they could "
      "not start within --max-queue-wait-ms.",
      "counter", counters.shed_while_waiting.load());
  add(text, "jil_requests_answered_at_once_total",
      "Requests that read no index (health, static files, 404, 405), answered by the I/O thread.",
      "counter", counters.answered_at_once.load());
  add(text, "jil_requests_dropped_client_gone_total",
      "Requests not run because their client had closed the connection.", "counter",
      counters.dropped_client_gone.load());
  add(text, "jil_connections_refused_over_cap_total",
      "Connections closed at once over --max-connections.", "counter",
      counters.refused_over_cap.load());
  add(text, "jil_connections_refused_per_client_total",
      "Connections closed at once over --max-connections-per-client.", "counter",
      counters.refused_per_client.load());
  add(text, "jil_responses_cut_total",
      "Responses cut because a write made no progress within --write-timeout.", "counter",
      counters.responses_cut.load());
  add(text, "jil_connections_open", "Connections open now.", "gauge", gauges.open_connections);
  add(text, "jil_searches_waiting", "Requests queued for a search thread now.", "gauge",
      gauges.searches_waiting);
  add(text, "jil_searches_running", "Requests running on a search thread now.", "gauge",
      gauges.searches_running);
  add(text, "jil_result_cache_hits_total", "Searches answered from the result cache.", "counter",
      gauges.cache_hits);
  add(text, "jil_result_cache_misses_total",
      "Searches run while the result cache was on (not found there).", "counter",
      gauges.cache_misses);
  add(text, "jil_result_cache_bytes",
      "Estimated bytes of results the cache holds now (budget: --cache-mb).", "gauge",
      gauges.cache_bytes);
  add(text, "jil_result_cache_entries", "Results the cache holds now.", "gauge",
      gauges.cache_entries);
  return text;
}

}  // namespace jil::server
