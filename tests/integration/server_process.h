#pragma once
// Runs the real khabar binary on 127.0.0.1 with a free port and a temporary data dir.

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace khabar::testing {

// A fresh directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class ServerProcess {
 public:
  ServerProcess(std::string data_dir, std::vector<std::string> extra_args = {});
  ~ServerProcess();  // Kills the process if it still runs.

  // Starts the server with --port 0 and waits (up to 30 s) for its "listening" log line.
  bool Start();
  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

  // SIGTERM, then waits; returns the exit code (-1 if it died of a signal or timed out).
  int Terminate();
  // SIGKILL, then waits.
  void Kill();
  // Waits for the process to exit by itself; returns the exit code, or -1.
  int Wait(int timeout_ms);

  std::string Log() const;

 private:
  std::string data_dir_;
  std::vector<std::string> extra_args_;
  std::string log_path_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

}  // namespace khabar::testing
