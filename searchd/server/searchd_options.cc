// Command-line parsing for searchd_options.h.
#include "server/searchd_options.h"

#include <cstdlib>
#include <string_view>

#include "api/key_file.h"
#include "api/oai_identity.h"
#include "api/public_url.h"

namespace jil::server {

Result<SearchdOptions> parse_searchd_options(int argc, char** argv) {
  SearchdOptions options;
  for (int index = 1; index < argc; ++index) {
    const std::string_view argument = argv[index];
    const bool has_value = index + 1 < argc;
    if (argument == "--db" && has_value) {
      options.database = argv[++index];
    } else if (argument == "--store" && has_value) {
      options.store = argv[++index];
    } else if (argument == "--web" && has_value) {
      options.web = argv[++index];
    } else if (argument == "--listen" && has_value) {
      options.listen_address = argv[++index];
    } else if (argument == "--port" && has_value) {
      const long port = std::strtol(argv[++index], nullptr, 10);
      if (port < 0 || port > 65535) return invalid_argument("--port takes 0 to 65535");
      options.port = static_cast<unsigned short>(port);
    } else if (argument == "--threads" && has_value) {
      const long threads = std::strtol(argv[++index], nullptr, 10);
      if (threads < 1 || threads > 256) return invalid_argument("--threads takes 1 to 256");
      options.threads = static_cast<unsigned>(threads);
    } else if (argument == "--max-queued" && has_value) {
      const long queued = std::strtol(argv[++index], nullptr, 10);
      if (queued < 1 || queued > 100000) return invalid_argument("--max-queued takes 1 to 100000");
      options.max_queued = static_cast<size_t>(queued);
    } else if (argument == "--header-timeout" && has_value) {
      const long seconds = std::strtol(argv[++index], nullptr, 10);
      if (seconds < 1 || seconds > kMaxReadTimeout.count()) {
        return invalid_argument("--header-timeout takes 1 to " +
                                std::to_string(kMaxReadTimeout.count()) + " seconds");
      }
      options.read_timeout = std::chrono::seconds(seconds);
    } else if (argument == "--max-connections" && has_value) {
      const long connections = std::strtol(argv[++index], nullptr, 10);
      if (connections < 1 || connections > static_cast<long>(kMaxConnectionsCeiling)) {
        return invalid_argument("--max-connections takes 1 to " +
                                std::to_string(kMaxConnectionsCeiling));
      }
      options.max_connections = static_cast<size_t>(connections);
    } else if (argument == "--max-connections-per-client" && has_value) {
      const long connections = std::strtol(argv[++index], nullptr, 10);
      if (connections < 1 || connections > static_cast<long>(kMaxConnectionsCeiling)) {
        return invalid_argument("--max-connections-per-client takes 1 to " +
                                std::to_string(kMaxConnectionsCeiling));
      }
      options.max_connections_per_client = static_cast<size_t>(connections);
    } else if (argument == "--max-queue-wait-ms" && has_value) {
      const long milliseconds = std::strtol(argv[++index], nullptr, 10);
      if (milliseconds < 1 || milliseconds > kMaxQueueWaitCeiling.count()) {
        return invalid_argument("--max-queue-wait-ms takes 1 to " +
                                std::to_string(kMaxQueueWaitCeiling.count()));
      }
      options.max_queue_wait = std::chrono::milliseconds(milliseconds);
    } else if (argument == "--write-timeout" && has_value) {
      const long seconds = std::strtol(argv[++index], nullptr, 10);
      if (seconds < 1 || seconds > kMaxReadTimeout.count()) {
        return invalid_argument("--write-timeout takes 1 to " +
                                std::to_string(kMaxReadTimeout.count()) + " seconds");
      }
      options.write_timeout = std::chrono::seconds(seconds);
    } else if (argument == "--keys" && has_value) {
      options.keys = argv[++index];
    } else if (argument == "--anonymous-rate" && has_value) {
      char* end = nullptr;
      options.anonymous_rate = std::strtod(argv[++index], &end);
      if (end == argv[index] || *end != '\0') {
        return invalid_argument("--anonymous-rate takes a number (requests per second)");
      }
    } else if (argument == "--no-cache") {
      options.result_cache_bytes = 0;
    } else if (argument == "--cache-mb" && has_value) {
      char* end = nullptr;
      const long long megabytes = std::strtoll(argv[++index], &end, 10);
      if (end == argv[index] || *end != '\0' || megabytes < 0 ||
          megabytes > static_cast<long long>(search::kMaxResultCacheBytes >> 20)) {
        return invalid_argument("--cache-mb takes 0 (no cache) to " +
                                std::to_string(search::kMaxResultCacheBytes >> 20));
      }
      options.result_cache_bytes = static_cast<size_t>(megabytes) << 20;
    } else if (argument == "--split-chunk" && has_value) {
      const long long chunk = std::strtoll(argv[++index], nullptr, 10);
      if (chunk < 0 || chunk > static_cast<long long>(kMaxSplitChunkDocuments)) {
        return invalid_argument("--split-chunk takes 0 (never split) to " +
                                std::to_string(kMaxSplitChunkDocuments));
      }
      options.split_chunk = static_cast<uint32_t>(chunk);
    } else if (argument == "--anonymous-burst" && has_value) {
      const long long burst = std::strtoll(argv[++index], nullptr, 10);
      if (burst < 1 || burst > static_cast<long long>(api::kMaxBurst)) {
        return invalid_argument("--anonymous-burst takes 1 to " + std::to_string(api::kMaxBurst));
      }
      options.anonymous_burst = static_cast<uint32_t>(burst);
    } else if (argument == "--trusted-proxy" && has_value) {
      Result<api::AddressRange> range = api::parse_address_range(argv[++index]);
      if (!range.is_ok()) return range.status();
      options.trusted_proxies.push_back(*range);
    } else if (argument == "--public-url" && has_value) {
      Result<std::string> public_url = api::parse_public_url(argv[++index]);
      if (!public_url.is_ok()) return public_url.status();
      options.public_url = std::move(public_url).value();
    } else if (argument == "--oai-repository-name" && has_value) {
      Result<std::string> name = api::parse_oai_repository_name(argv[++index]);
      if (!name.is_ok()) return name.status();
      options.oai_identity.repository_name = std::move(name).value();
    } else if (argument == "--oai-admin-email" && has_value) {
      Result<std::string> email = api::parse_oai_admin_email(argv[++index]);
      if (!email.is_ok()) return email.status();
      options.oai_identity.admin_email = std::move(email).value();
#ifdef JIL_TEST_HOOKS
    } else if (argument == "--test-fault-route") {
      options.test_fault_route = true;
#endif
    } else {
      return invalid_argument(
          "usage: jil-searchd [--db DIR] [--store DIR] [--web DIR] [--listen ADDRESS] "
          "[--port N] [--threads N] [--header-timeout SECONDS] [--max-connections N]\n"
          "       [--max-connections-per-client N] [--max-queued N] [--max-queue-wait-ms MS]\n"
          "       [--no-cache | --cache-mb N] [--split-chunk N]\n"
          "       [--write-timeout SECONDS] [--keys FILE] [--anonymous-rate R] [--anonymous-burst "
          "B]\n"
          "       [--trusted-proxy CIDR]... [--public-url URL]\n"
          "       [--oai-repository-name TEXT] [--oai-admin-email ADDRESS]\n"
          "       jil-searchd keys create|list|revoke|rotate ... (jil-searchd keys for help)");
    }
  }
  if (Status status = api::check_rate_limit(options.anonymous_rate, options.anonymous_burst,
                                            "--anonymous-rate", "--anonymous-burst");
      !status.is_ok()) {
    return status;
  }
  return options;
}

}  // namespace jil::server
