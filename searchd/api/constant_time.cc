// Implementation of constant_time.h: OR of the XOR of every byte pair, no early exit.
#include "api/constant_time.h"

namespace jil::api {

bool constant_time_equal(std::string_view a, std::string_view b) {
  const size_t length = a.size() < b.size() ? a.size() : b.size();
  // volatile keeps the compiler from turning the loop into an early-exit comparison.
  volatile unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (size_t index = 0; index < length; ++index) {
    difference = difference | static_cast<unsigned char>(static_cast<unsigned char>(a[index]) ^
                                                         static_cast<unsigned char>(b[index]));
  }
  return difference == 0;
}

}  // namespace jil::api
