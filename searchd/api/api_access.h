// Who may use the JSON API (/api/v1/*) and how much: API keys, rate limits and CORS, applied
// before a request is routed. Shared by all worker threads (KeyStore and RateLimiter lock).
// In order, a request to /api/v1/*:
//   - a CORS preflight (OPTIONS + Origin + Access-Control-Request-Method) is answered here;
//   - a key-like query parameter (api_key, apikey, key, access_token) is 400: keys go in a
//     header, since URLs end up in logs and histories;
//   - a key in `Authorization: Bearer KEY` or `X-API-Key: KEY` must be valid, else 401 (the
//     key is never echoed);
//   - a key used from a browser Origin that is not on its list is 403;
//   - one token is taken from the key's partner's bucket (its name: rotating keys keeps it), or
//     the client address's (anonymous tier); none left is 429 with Retry-After (whole seconds).
// Other routes (HTML pages, feeds, OAI-PMH, /healthz, static files) are not limited here.
#pragma once

#include <optional>
#include <string>

#include "api/http_types.h"
#include "api/key_store.h"
#include "api/rate_limiter.h"
#include "api/trusted_proxies.h"

namespace jil::api {

// What admission decided for one request.
struct ApiAdmission {
  bool is_api = false;                 // an /api/v1/ request: gets Vary: Origin
  std::optional<HttpResponse> answer;  // set when the request ends here (preflight or refusal)
  std::string allow_origin;            // Access-Control-Allow-Origin for the answer, "" none
};

class ApiAccess {
 public:
  // `proxies`: the reverse proxies whose X-Forwarded-For names the client of the anonymous tier.
  ApiAccess(KeyStore& keys, RateLimit anonymous, TrustedProxies proxies = {})
      : keys_(keys), limiter_(anonymous), proxies_(std::move(proxies)) {}

  ApiAdmission admit(const HttpRequest& request,
                     RateLimiter::Clock::time_point now = RateLimiter::Clock::now());
  // Adds the CORS headers admission chose to the final answer.
  static void finish(const ApiAdmission& admission, HttpResponse& response);

 private:
  KeyStore& keys_;
  RateLimiter limiter_;
  const TrustedProxies proxies_;
};

// The anonymous bucket's name for a client address: IPv4 as is, IPv6 by its /64 (one host
// usually holds a whole /64, so per-address buckets would be free to multiply).
std::string anonymous_bucket_name(const std::string& peer_address);

}  // namespace jil::api
