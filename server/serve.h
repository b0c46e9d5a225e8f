#pragma once

namespace khabar::server {

// `khabar serve`: opens the store, starts the writer, serves HTTP until SIGTERM/SIGINT, then
// drains and closes everything in order. Returns the exit code.
int RunServe(int argc, const char* const* argv);

}  // namespace khabar::server
