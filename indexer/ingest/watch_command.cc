// `jil-indexer watch`: indexes what staff drop into an upload folder (see inbox.h), then moves
// each file to done/ or to failed/ with the reason beside it. `--once` takes what is there (after
// waiting for files still being written) and exits, for tests and cron; otherwise it polls every
// kInboxPollInterval until SIGINT or SIGTERM, which it waits for between polls (a poll in
// progress finishes first). The index is opened only while a poll has files, so other
// jil-indexer commands can run in between.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "ingest/exit_codes.h"
#include "ingest/inbox.h"
#include "ingest/indexer_commands.h"
#include "ingest/ingest_run.h"
#include "ingest/ingest_session.h"

namespace jil::ingest {
namespace {

constexpr const char* kWatchUsage =
    "usage: jil-indexer watch --db DIR --store DIR [--once] [--batch N] [--json] [--quiet] "
    "INBOX_DIR\n";
// --once waits this many settle intervals at most for files still being written.
constexpr int kOnceSettleRounds = 3;

struct WatchOptions {
  IndexerOptions indexer;
  bool once = false;
};

Result<WatchOptions> parse_watch_options(const std::vector<std::string>& arguments) {
  WatchOptions options;
  for (size_t index = 0; index < arguments.size(); ++index) {
    const std::string& argument = arguments[index];
    const bool has_value = index + 1 < arguments.size();
    if (argument == "--db" && has_value) {
      options.indexer.database = arguments[++index];
    } else if (argument == "--store" && has_value) {
      options.indexer.store = arguments[++index];
    } else if (argument == "--batch" && has_value) {
      const long batch = std::strtol(arguments[++index].c_str(), nullptr, 10);
      if (batch < 1 || batch > 100000) return invalid_argument("--batch takes 1 to 100000");
      options.indexer.batch_size = static_cast<size_t>(batch);
    } else if (argument == "--once") {
      options.once = true;
    } else if (argument == "--json") {
      options.indexer.json = true;
    } else if (argument == "--quiet") {
      options.indexer.quiet = true;
    } else if (argument.starts_with("--")) {
      return invalid_argument("unknown option " + argument);
    } else {
      options.indexer.sources.emplace_back(argument);
    }
  }
  if (options.indexer.database.empty() || options.indexer.store.empty() ||
      options.indexer.sources.size() != 1) {
    return invalid_argument("--db, --store and one inbox folder are required");
  }
  return options;
}

void log_line(const IndexerOptions& options, const std::string& line) {
  if (options.json) return;
  std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

// Ingests one scan's files and moves each where it belongs. Returns the exit status of the poll.
int process(const Inbox& inbox, const InboxScan& scan, const IndexerOptions& options) {
  RunReport report;
  for (const SourceFile& file : scan.unsupported) {
    const std::string reason = "not a supported format (.html .htm .md .txt .pdf .docx .odt .epub)";
    report.failures.push_back({file.relative, reason});
    if (Status status = inbox.move_to_failed(file, reason); !status.is_ok()) {
      log_line(options, "jil-indexer: " + status.message());
    }
    log_line(options, "failed: " + file.relative + ": " + reason);
  }
  if (!scan.documents.empty()) {
    Result<IngestSession> session = open_session(options);
    if (!session.is_ok()) {
      log_line(options, "jil-indexer: " + session.status().message() + "; files left in " +
                            inbox.folder().string());
      return exit_code_for(session.status());
    }
    IngestRun run(options, *session->writer, *session->store);
    RunReport ingested = run.run(scan.documents);
    std::map<std::string, std::string> failed;
    for (const auto& failure : ingested.failures) failed[failure.file] = failure.reason;
    for (const SourceFile& file : scan.documents) {
      const auto failure = failed.find(file.relative);
      Status moved = Status::ok();
      if (failure != failed.end()) {
        moved = inbox.move_to_failed(file, failure->second);
      } else if (ingested.fatal.empty()) {  // committed: safe to move out of the inbox
        moved = inbox.move_to_done(file);
        log_line(options, "done: " + file.relative);
      }
      if (!moved.is_ok()) log_line(options, "jil-indexer: " + moved.message());
    }
    ingested.failures.insert(ingested.failures.begin(), report.failures.begin(),
                             report.failures.end());
    report = std::move(ingested);
  }
  print_report(report, options);
  return exit_status(report);
}

// Waits up to `limit` for SIGINT or SIGTERM (blocked by the caller); true when one came.
bool stop_requested(const sigset_t& stop_signals, std::chrono::seconds limit) {
  const timespec timeout{static_cast<time_t>(limit.count()), 0};
  const int signal = sigtimedwait(&stop_signals, nullptr, &timeout);
  return signal == SIGINT || signal == SIGTERM;
}

}  // namespace

int run_watch_command(const std::vector<std::string>& arguments) {
  Result<WatchOptions> options = parse_watch_options(arguments);
  if (!options.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n%s", options.status().message().c_str(), kWatchUsage);
    return kExitUsage;
  }
  Result<Inbox> inbox = Inbox::open(options->indexer.sources.front());
  if (!inbox.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", inbox.status().message().c_str());
    return kExitFatal;
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // taken by sigtimedwait between polls
  const IndexerOptions& indexer = options->indexer;
  log_line(indexer, "watching " + inbox->folder().string() +
                        (options->once ? " (once)" : " (stop with Ctrl-C)"));
  int worst = kExitOk;
  for (int settle_rounds = 0;;) {
    Result<InboxScan> scan = inbox->scan(std::filesystem::file_time_type::clock::now());
    if (!scan.is_ok()) {
      log_line(indexer, "jil-indexer: " + scan.status().message());
      if (options->once) return kExitFatal;
    } else if (!scan->documents.empty() || !scan->unsupported.empty()) {
      worst = std::max(worst, process(*inbox, *scan, indexer));
    }
    if (options->once) {
      const bool waiting = scan.is_ok() && scan->waiting > 0;
      if (!waiting || ++settle_rounds > kOnceSettleRounds) break;
      if (stop_requested(stop_signals, kInboxSettleTime)) break;
      continue;
    }
    if (stop_requested(stop_signals, kInboxPollInterval)) break;
  }
  log_line(indexer, "stopped watching " + inbox->folder().string());
  return worst;
}

}  // namespace jil::ingest
