// Implementation of extract_worker_child.h.
#include "extract/extract_worker_child.h"

#include <malloc.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <new>

#include "extract/extract_sandbox.h"
#include "extract/extracted_text_codec.h"

namespace jil::extract {
namespace {

// Exit status for a request the child cannot read (the parent closed the socket mid-request, or
// sent something malformed).
constexpr int kChildBadRequestExit = 89;

// Reads exactly `count` bytes into `out`; false at end of file or on an error.
bool read_exact(int fd, std::string& out, size_t count) {
  out.resize(count);
  size_t done = 0;
  while (done < count) {
    const ssize_t got = ::read(fd, out.data() + done, count - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<size_t>(got);
  }
  return true;
}

bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
  return true;
}

// RLIMIT_CPU's soft limit at what this process has used so far plus `seconds`: SIGXCPU when
// this file has used them (the hard limit stays as inherited; the parent also watches).
void limit_cpu_of_next_file(uint32_t seconds) {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const double used = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  rlimit cpu{};
  ::getrlimit(RLIMIT_CPU, &cpu);
  rlim_t soft = static_cast<rlim_t>(std::ceil(used)) + seconds;
  if (cpu.rlim_max != RLIM_INFINITY && soft > cpu.rlim_max) soft = cpu.rlim_max;
  cpu.rlim_cur = soft;
  ::setrlimit(RLIMIT_CPU, &cpu);
}

}  // namespace

void serve_extractions(int socket_fd, const ExtractionHandler& handler, uint64_t memory_mib) {
  limit_this_child(memory_mib);
  std::string header;
  std::string language;
  std::string payload;
  while (true) {
    if (!read_exact(socket_fd, header, kRequestHeaderBytes)) ::_exit(0);  // the parent is done
    // The payload bound: the largest original the indexer reads, whatever the header says.
    Result<RequestHead> head = decode_request_head(header, kMaxRequestPayloadBytes);
    if (!head.is_ok() || !read_exact(socket_fd, language, head->language_bytes) ||
        !read_exact(socket_fd, payload, head->payload_bytes)) {
      ::_exit(kChildBadRequestExit);
    }
    limit_cpu_of_next_file(head->cpu_seconds);
    const ExtractionRequest request{head->kind, head->format, head->cpu_seconds, language, payload};
    std::string encoded;
    try {
      encoded = encode_extraction(handler(request));
    } catch (const std::bad_alloc&) {
      ::_exit(kChildOutOfMemoryExit);
    } catch (...) {  // reported by the parent as "extractor threw an exception"
      ::_exit(kChildExceptionExit);
    }
    if (!send_all(socket_fd, encode_length(encoded.size())) || !send_all(socket_fd, encoded)) {
      ::_exit(kChildWriteFailedExit);
    }
    // What one file needed is given back before the next, so that one big file does not count
    // against the memory of the ones after it.
    std::string().swap(payload);
    std::string().swap(encoded);
    ::malloc_trim(0);
  }
}

int run_extract_worker(const std::vector<std::string>& arguments) {
  if (arguments.size() != 2 || arguments[0] != kWorkerMemoryOption) return 2;
  const long memory_mib = std::strtol(arguments[1].c_str(), nullptr, 10);
  if (memory_mib < 1) return 2;
  ::close_range(kWorkerSocketFd + 1, ~0U, 0);
  serve_extractions(kWorkerSocketFd, extract_request, static_cast<uint64_t>(memory_mib));
}

}  // namespace jil::extract
