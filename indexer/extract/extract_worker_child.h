// The long-lived extractor child's side of extract_worker.h: limits set once, then requests read
// from the socket and results written back, one file after another, until the socket closes.
// Each file gets its own CPU limit (RLIMIT_CPU raised to what the child has used plus the
// request's seconds); memory is released after each file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/extract_worker_protocol.h"

namespace jil::extract {

// The descriptor the socket has in an exec'd worker (`jil-indexer extract-worker`).
inline constexpr int kWorkerSocketFd = 3;
// The hidden subcommand of jil-indexer that runs a worker, and its memory option.
inline constexpr const char* kWorkerCommand = "extract-worker";
inline constexpr const char* kWorkerMemoryOption = "--memory-mib";

// Serves requests on `socket_fd` with `handler` until the socket closes, then _exit(0).
// Expects every other descriptor but 0–2 closed, stdin and stdout on /dev/null.
[[noreturn]] void serve_extractions(int socket_fd, const ExtractionHandler& handler,
                                    uint64_t memory_mib);

// `jil-indexer extract-worker --memory-mib N`: serves extract_request() on kWorkerSocketFd.
// Returns (exit status 2) only for bad arguments.
int run_extract_worker(const std::vector<std::string>& arguments);

}  // namespace jil::extract
