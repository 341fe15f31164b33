// A raw TCP socket to searchd on 127.0.0.1 with bounded waits, for tests that send what an
// HTTP client would not (floods, trickles) or read an answer slowly or not at all.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <string_view>

namespace jil::integration {

// How long a test waits on one socket before failing instead of hanging.
constexpr int kSocketDeadlineSeconds = 20;

// A connected socket to 127.0.0.1:port with bounded waits; closed on destruction. `source`: the
// loopback address it connects from (another one counts as another client); `receive_buffer`:
// its SO_RCVBUF in bytes when not 0.
class RawSocket {
 public:
  explicit RawSocket(unsigned short port, const char* source = "127.0.0.1",
                     int receive_buffer = 0) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const timeval deadline = {kSocketDeadlineSeconds, 0};
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &deadline, sizeof deadline);
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof deadline);
    if (receive_buffer > 0) {
      setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    }
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    bind(fd_, reinterpret_cast<const sockaddr*>(&from), sizeof from);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawSocket() {
    if (fd_ >= 0) close(fd_);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }

  // Sends all of `bytes`; false when the connection failed (the server closed it).
  bool send_all(std::string_view bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t count = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      sent += static_cast<size_t>(count);
      bytes_sent_ += static_cast<size_t>(count);
    }
    return true;
  }

  // Reads until the server closes (true) or the deadline passes (false); bytes go to received().
  bool read_until_closed() {
    char buffer[65536];
    while (true) {
      const ssize_t count = recv(fd_, buffer, sizeof buffer, 0);
      if (count > 0) {
        received_.append(buffer, static_cast<size_t>(count));
      } else if (count < 0 && errno == EINTR) {
        continue;
      } else {
        return count == 0 || errno == ECONNRESET;
      }
    }
  }

  // Reads until `needle` has arrived; false on close or deadline first.
  bool read_until(std::string_view needle) {
    char buffer[65536];
    while (received_.find(needle) == std::string::npos) {
      const ssize_t count = recv(fd_, buffer, sizeof buffer, 0);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      received_.append(buffer, static_cast<size_t>(count));
    }
    return true;
  }

  // Reads `bytes` more (fewer when the server closes first); false once it has closed.
  bool read_some(size_t bytes) {
    std::string buffer(bytes, '\0');
    size_t got = 0;
    while (got < bytes) {
      const ssize_t count = recv(fd_, buffer.data(), bytes - got, 0);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      received_.append(buffer.data(), static_cast<size_t>(count));
      got += static_cast<size_t>(count);
    }
    return true;
  }

  size_t bytes_sent() const { return bytes_sent_; }
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  size_t bytes_sent_ = 0;
  std::string received_;
};

}  // namespace jil::integration
