// Implementation of edge_counters.h.
#include "server/edge_counters.h"

namespace jil::server {

namespace {

void add(std::string& text, const char* name, const char* help, const char* type, uint64_t value) {
  text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
          name + " " + std::to_string(value) + "\n";
}

}  // namespace

std::string render_metrics(const EdgeCounters& counters, size_t open_connections) {
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
  add(text, "jil_connections_open", "Connections open now.", "gauge", open_connections);
  return text;
}

}  // namespace jil::server
