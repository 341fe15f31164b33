// Options of jil-searchd and every limit of its HTTP edge, each named once with unit and reason.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "api/access_limits.h"
#include "api/oai_identity.h"
#include "api/oai_request.h"
#include "api/trusted_proxies.h"
#include "base/status.h"
#include "search/result_cache.h"

namespace jil::server {

// Request line + headers (bytes): Beast's header limit; a longer target gets 414 first.
inline constexpr size_t kMaxHeaderBytes = 16 * 1024;
// Request target (bytes): queries are capped at 1,000 bytes, so 8 KiB is generous.
inline constexpr size_t kMaxTargetBytes = 8 * 1024;
// Request body (bytes): a larger one is refused (413) before it is read. Every route but
// POST /oai is GET or HEAD, whose body is read and ignored; POST /oai's form may be at most
// api::kMaxOaiFormBytes of it (api/oai_request.h), a larger one is an OAI badArgument.
inline constexpr size_t kMaxBodyBytes = 64 * 1024;
static_assert(api::kMaxOaiFormBytes <= kMaxBodyBytes, "an OAI form must fit in a request body");
// Header fields in one request (a browser sends about 20); more get 431.
inline constexpr size_t kMaxHeaderFields = 100;
// Time to receive one whole request, from its first byte or from the end of the previous one
// (the slow-header deadline, T-H5); --header-timeout sets another, from 1 to kMaxReadTimeout.
inline constexpr std::chrono::seconds kReadTimeout{15};
inline constexpr std::chrono::seconds kMaxReadTimeout{3600};
// Time for each piece of a response to leave (T-H6): a write that makes no progress for this
// long is cut and the connection reset, so a client reading 0 B/s cannot hold the server's
// buffers, while a slow reader of a large original finishes however long the whole takes.
// --write-timeout sets another, from 1 to kMaxReadTimeout.
inline constexpr std::chrono::seconds kWriteChunkTimeout{30};
// Kernel send buffer of each connection (bytes; Linux doubles it): bounds what a stalled reader
// holds, and makes a stalled write visible to the deadline above (autotuning would buffer ~3 MB).
// At 100 ms round trip a connection still moves ~2.5 MB/s.
inline constexpr int kSendBufferBytes = 128 * 1024;
// Open connections at once; more are accepted and closed at once so the listener never stalls
// (T-H7). --max-connections sets another, from 1 to kMaxConnectionsCeiling.
inline constexpr size_t kMaxConnections = 2048;
inline constexpr size_t kMaxConnectionsCeiling = 65536;
// After the last answer on a connection, what the client still sends is read and dropped for at
// most this long, and up to this many bytes or until the answer has left, before the socket is
// closed (a "lingering close"): closing with unread input resets the connection, which can
// destroy the answer still in flight.
inline constexpr std::chrono::seconds kLingerTime{2};
inline constexpr size_t kMaxLingerBytes = 1024 * 1024;
// Open connections from one client address (an IPv6 /64 counts as one address, like one
// IPv4 address); more are accepted and closed at once. Loopback counts like any other address.
// --max-connections-per-client sets another, from 1 to kMaxConnectionsCeiling.
inline constexpr size_t kMaxConnectionsPerClient = 32;
// Document ids per chunk when a search shares its match with its helper thread
// (search/search_helper.h): chunks alternate between the two, so each gets about half of any
// query's matches; a chunk change costs a skip in each posting list.
inline constexpr uint32_t kSplitChunkDocuments = 1024;
inline constexpr uint32_t kMaxSplitChunkDocuments = 1U << 30;
// Requests served on one keep-alive connection before it is closed.
inline constexpr unsigned kMaxRequestsPerConnection = 1000;
// Requests waiting for a search thread, per thread (T-L4): at ~1 ms a search, 32 waiting add at
// most ~32 ms; more are answered 503 at once by the connection's I/O thread (--max-queued
// overrides it, e.g. 1 in a test).
inline constexpr size_t kMaxQueuedRequests = 32;
// Longest a read request may wait for a search thread (T-L4): one that waited longer is answered
// 503 without being run, as its client has likely given up. --max-queue-wait-ms sets another,
// from 1 to kMaxQueueWaitCeiling.
inline constexpr std::chrono::milliseconds kMaxQueueWait{500};
inline constexpr std::chrono::milliseconds kMaxQueueWaitCeiling{60000};
// What a shed request's Retry-After says (seconds).
inline constexpr unsigned kShedRetryAfterSeconds = 1;

struct SearchdOptions {
  std::filesystem::path database = "var/index";
  std::filesystem::path store = "var/store";
  std::filesystem::path web = "web";
  std::string listen_address = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;  // 0: one per core
  std::chrono::seconds read_timeout = kReadTimeout;
  size_t max_queued = kMaxQueuedRequests;  // per worker
  size_t max_connections = kMaxConnections;
  size_t max_connections_per_client = kMaxConnectionsPerClient;
  std::chrono::milliseconds max_queue_wait = kMaxQueueWait;
  std::chrono::seconds write_timeout = kWriteChunkTimeout;
  // API keys (api/key_file.h); empty: no keys, only anonymous use of the API.
  std::filesystem::path keys;
  // The anonymous tier of the API's rate limit (per client address); defaults and bounds in
  // api/access_limits.h.
  double anonymous_rate = api::kDefaultAnonymousRate;
  uint32_t anonymous_burst = api::kDefaultAnonymousBurst;
  // Bytes of search results the search threads keep, together, for the index's current version
  // (search/result_cache.h): --cache-mb N sets it, --no-cache (or --cache-mb 0) turns the cache
  // off (benchmarks of the uncached work).
  size_t result_cache_bytes = search::kDefaultResultCacheBytes;
  // A relevance-ranked search on a local index shares its match with a helper thread while a
  // core is idle (search/search_helper.h), in chunks of this many document ids; --split-chunk sets
  // another size, 0 for never (comparisons).
  uint32_t split_chunk = kSplitChunkDocuments;
  // --trusted-proxy CIDR (repeatable): proxies whose X-Forwarded-For is believed; none default.
  std::vector<api::AddressRange> trusted_proxies;
  // --public-url URL: the library's public address (api/public_url.h), normalised, under which
  // every absolute URL is written; "" (default): "http://" + each request's Host header.
  std::string public_url;
  // --oai-repository-name TEXT, --oai-admin-email ADDRESS: OAI-PMH Identify's repositoryName and
  // adminEmail, checked at start (api/oai_identity.h, which holds the defaults).
  api::OaiIdentity oai_identity;
  // --test-fault-route: GET /__test/fault answers 500 (api/request_handler.h), GET /__test/hold
  // holds its search thread until GET /__test/release (api/test_gate.h). The option exists
  // only in builds with the test suite (JIL_TESTS, which defines JIL_TEST_HOOKS): tools/serve.sh
  // builds with -DJIL_TESTS=OFF, where it is an unknown option.
  bool test_fault_route = false;
};

// Parses argv; kInvalidArgument with a usage message on error.
Result<SearchdOptions> parse_searchd_options(int argc, char** argv);

}  // namespace jil::server
