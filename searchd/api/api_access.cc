// Implementation of api_access.h.
#include "api/api_access.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "api/cors_policy.h"
#include "api/header_text.h"
#include "api/key_file.h"
#include "api/problem.h"
#include "api/query_string.h"

namespace jil::api {
namespace {

// Query parameters that would carry a key in the URL.
constexpr std::array<std::string_view, 4> kKeyParameters = {"api_key", "apikey", "key",
                                                            "access_token"};

struct PresentedKey {
  std::string key;    // "" when none was sent
  std::string error;  // set when the headers are malformed
};

// The key from `X-API-Key` or `Authorization: Bearer`; both may be sent if they agree.
PresentedKey presented_key(const HttpRequest& request) {
  PresentedKey presented;
  std::string from_bearer;
  if (!request.authorization.empty()) {
    const std::string_view value = without_ows(request.authorization);
    const size_t space = value.find(' ');
    if (space == std::string_view::npos ||
        !equals_ignoring_case(value.substr(0, space), "Bearer")) {
      presented.error = "the Authorization header must be 'Bearer' followed by the API key";
      return presented;
    }
    from_bearer = std::string(without_ows(value.substr(space + 1)));
  }
  const std::string from_header(without_ows(request.x_api_key));
  if (!from_bearer.empty() && !from_header.empty() && from_bearer != from_header) {
    presented.error = "the Authorization and X-API-Key headers carry two different keys";
    return presented;
  }
  presented.key = from_bearer.empty() ? from_header : from_bearer;
  if (presented.key.empty() && (!request.authorization.empty() || !request.x_api_key.empty())) {
    presented.error = "the API key header is empty";
  }
  return presented;
}

HttpResponse unauthorized(const std::string& detail) {
  HttpResponse response = problem_response(401, detail);
  response.set_header("WWW-Authenticate", "Bearer realm=\"jil-api\", error=\"invalid_token\"");
  return response;
}

HttpResponse too_many_requests(const BucketDecision& decision, const RateLimit& limit,
                               const std::string& whose) {
  const std::string seconds = std::to_string(decision.retry_after_seconds);
  HttpResponse response =
      problem_response(429, "too many requests: " + whose + " allows " + rate_text(limit.rate) +
                                " requests per second in bursts of up to " +
                                std::to_string(limit.burst) + "; retry after " + seconds + " s");
  response.set_header("Retry-After", seconds);
  return response;
}

}  // namespace

std::string anonymous_bucket_name(const std::string& peer_address) {
  std::string address = peer_address;
  if (address.starts_with("::ffff:") && address.find('.') != std::string::npos) {
    address = address.substr(7);  // an IPv4 client on a dual-stack socket
  }
  unsigned char bytes[16];
  if (address.find(':') == std::string::npos || inet_pton(AF_INET6, address.c_str(), bytes) != 1) {
    return address;
  }
  char text[8 * 2 + 4];
  std::snprintf(text, sizeof text, "%02x%02x:%02x%02x:%02x%02x:%02x%02x", bytes[0], bytes[1],
                bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]);
  return std::string(text) + "::/64";
}

ApiAdmission ApiAccess::admit(const HttpRequest& request, RateLimiter::Clock::time_point now) {
  ApiAdmission admission;
  const std::string_view path =
      std::string_view(request.target).substr(0, request.target.find('?'));
  if (!path.starts_with("/api/v1/")) return admission;
  admission.is_api = true;

  if (request.method == "OPTIONS" && !request.origin.empty() &&
      !request.access_control_request_method.empty()) {
    const bool allowed =
        is_allowed_origin_form(request.origin) && keys_.any_key_allows_origin(request.origin);
    admission.answer = preflight_response(request.origin, allowed);
    return admission;
  }

  admission.allow_origin = anonymous_allow_origin(request.origin);
  if (Result<ParsedTarget> parsed = parse_target(request.target); parsed.is_ok()) {
    for (std::string_view name : kKeyParameters) {
      if (parsed->parameters.contains(std::string(name))) {
        admission.answer = problem_response(
            400, "API keys are not accepted in the URL (parameter '" + std::string(name) +
                     "'): send the key in the 'Authorization: Bearer' or 'X-API-Key' header");
        return admission;
      }
    }
  }

  const PresentedKey presented = presented_key(request);
  if (!presented.error.empty()) {
    admission.answer = unauthorized(presented.error);
    return admission;
  }
  if (presented.key.empty()) {
    const RateLimit& limit = limiter_.anonymous_limit();
    const std::string client =
        proxies_.client_address(request.peer_address, request.x_forwarded_for);
    const BucketDecision decision = limiter_.take_for_address(anonymous_bucket_name(client), now);
    if (!decision.allowed) {
      admission.answer = too_many_requests(decision, limit, "use without an API key");
    }
    return admission;
  }

  const std::optional<KeyRecord> key = keys_.find(presented.key);
  if (!key) {
    admission.answer = unauthorized("the API key is not valid (unknown or revoked)");
    return admission;
  }
  if (!request.origin.empty()) {
    const bool listed =
        std::find(key->origins.begin(), key->origins.end(), request.origin) != key->origins.end();
    if (!listed) {
      admission.allow_origin.clear();
      admission.answer = problem_response(
          403, "this API key may not be used from this Origin (not on the key's list)");
      return admission;
    }
    admission.allow_origin = request.origin;
  }
  const RateLimit limit{key->rate, key->burst};
  // The partner's bucket (its name), not the key's: a rotated key does not start full.
  const BucketDecision decision = limiter_.take_for_partner(key->name, limit, now);
  if (!decision.allowed) {
    admission.answer = too_many_requests(decision, limit, "this API key");
  }
  return admission;
}

void ApiAccess::finish(const ApiAdmission& admission, HttpResponse& response) {
  if (admission.is_api) add_cors_headers(admission.allow_origin, response);
}

}  // namespace jil::api
