// `jil-searchd keys ...`: creates, lists and revokes API keys in a key file (api/key_file.h).
//   jil-searchd keys create --keys FILE --name NAME [--rate R] [--burst B] [--origin URL]...
//   jil-searchd keys list   --keys FILE
//   jil-searchd keys revoke --keys FILE PREFIX
//   jil-searchd keys rotate --keys FILE PREFIX
// `create` and `rotate` (a new key for the same partner, the old one revoked) print the new key
// once, alone on stdout's first line; the file keeps only its hash and prefix. Each command holds
// an exclusive lock (api/key_file_lock.h) from reading the file to replacing it. A running searchd
// picks the change up on its next API request.
#pragma once

namespace jil::server {

// Runs the subcommand in argv[2...] (argv[1] is "keys"). Exit status: 0 done, 1 the key file
// could not be read or written (or no such key), 2 bad command line.
int run_keys_command(int argc, char** argv);

}  // namespace jil::server
