// Comparison of secrets (API key hashes) in constant time: the time taken depends only on the
// lengths, never on where the first differing byte is, so a client cannot learn a stored hash
// byte by byte from response times.
#pragma once

#include <string_view>

namespace jil::api {

// True when `a` and `b` hold the same bytes. Every byte of the shorter length is looked at
// whatever the contents; different lengths are unequal (lengths are not secret here: every
// stored hash is 64 hex digits).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace jil::api
