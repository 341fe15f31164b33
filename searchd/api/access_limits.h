// Every limit of API keys, rate limiting and CORS, each named once with its unit and reason.
// searchd options (--anonymous-rate, --anonymous-burst) override the anonymous defaults; a key's
// own rate and burst are set when it is created (`jil-searchd keys create --rate --burst`).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace jil::api {

// A key's sustained rate (requests per second) and burst (requests at once after a pause),
// when `keys create` is not told otherwise: enough for a partner portal's search box.
inline constexpr double kDefaultKeyRate = 10;
inline constexpr uint32_t kDefaultKeyBurst = 20;
// Requests without a key, per client address: enough for the search page's own suggestions
// script (one request per pause in typing) used by a court's staff behind one shared address,
// and for a small script; a portal or a harvester needs a key.
inline constexpr double kDefaultAnonymousRate = 5;
inline constexpr uint32_t kDefaultAnonymousBurst = 30;
// Bounds for any rate and burst (from options or the key file).
inline constexpr double kMinRate = 0.001;  // one request per ~17 minutes
inline constexpr double kMaxRate = 100000;
inline constexpr uint32_t kMaxBurst = 1000000;
// Client addresses with an anonymous bucket at once (~100 bytes each, so ~1 MB): at the cap,
// idle (full) buckets are dropped first, then the least recently used.
inline constexpr size_t kMaxAnonymousBuckets = 10000;

// The key file: size, keys, a key's name and its allowed origins.
inline constexpr size_t kMaxKeyFileBytes = 4 * 1024 * 1024;
inline constexpr size_t kMaxKeys = 10000;
inline constexpr size_t kMaxKeyNameBytes = 200;
inline constexpr size_t kMaxOriginsPerKey = 50;
inline constexpr size_t kMaxOriginBytes = 253 + 20;  // longest host name + scheme and port

// How long a browser may cache a CORS preflight answer (seconds).
inline constexpr std::chrono::seconds kPreflightMaxAge{600};

}  // namespace jil::api
