// OAI-PMH resumption tokens: the arguments of a list request (metadataPrefix, from, until, set),
// the position reached and the index revision it was made for, as an opaque hex string with a
// checksum. A token that does not decode, fails its checksum, or was made for another index
// revision (documents were added or removed since) is rejected: badResumptionToken.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::api {

struct OaiListArguments {
  std::string metadata_prefix;
  std::string from;   // "" or a datestamp, day or seconds granularity
  std::string until;  // likewise
  std::string set;    // "" or a setSpec
};

struct OaiResumption {
  OaiListArguments arguments;
  uint64_t offset = 0;          // records already sent
  uint64_t index_revision = 0;  // document count when the list began
};

// Tokens longer than this are rejected before decoding.
inline constexpr size_t kMaxResumptionTokenBytes = 2048;

std::string encode_resumption_token(const OaiResumption& resumption);
// kInvalidArgument (the message says why) for anything encode_resumption_token did not make.
Result<OaiResumption> decode_resumption_token(std::string_view token);

}  // namespace jil::api
