// A driver for libFuzzer-style entry points that needs no clang: replays the
// seed inputs given on the command line (files or folders), then mutates them
// (byte flips, insertions, deletions, splices, interesting bytes) for a time
// budget, reproducibly from a seed. Built with the sanitizers in the test run.
//
//   reader_fuzz [--seconds N] [--seed N] SEED_FILE_OR_DIR...
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// The input under test, written out if the process dies on it.
const std::string* g_current = nullptr;

void dump_current(int signal) {
  if (g_current) {
    int fd = ::open("fuzz-crash-input.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ssize_t ignored = ::write(fd, g_current->data(), g_current->size());
      (void)ignored;
      ::close(fd);
    }
    const char msg[] = "fuzz: the input is in fuzz-crash-input.bin\n";
    ssize_t ignored = ::write(2, msg, sizeof msg - 1);
    (void)ignored;
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  static const char* interesting[] = {"\xC3\xA9", "\xE2\x80\x99", "\xC2\xA0", "\xE2\x80\xAF", "\xFF", "\xC3", "\x00",
                                      "\"", "{", "}", "<", ">", "</p>", "<html>", "\n\n", " ", "1", "000", "'",
                                      "-", ".", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "jusqu'\xC3\xA0 ", "selon "};
  int rounds = 1 + static_cast<int>(rng() % 8);
  for (int r = 0; r < rounds; ++r) {
    size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 6) {
      case 0:
        if (!s.empty()) s[rng() % s.size()] ^= static_cast<char>(1u << (rng() % 8));
        break;
      case 1: {
        const char* in = interesting[rng() % std::size(interesting)];
        s.insert(pos, in, std::max<size_t>(1, std::strlen(in)));
        break;
      }
      case 2:
        if (!s.empty()) s.erase(pos == s.size() ? pos - 1 : pos, 1 + rng() % 16);
        break;
      case 3: {
        const std::string& other = seeds[rng() % seeds.size()];
        if (!other.empty()) {
          size_t from = rng() % other.size();
          s.insert(pos, other, from, 1 + rng() % 64);
        }
        break;
      }
      case 4:
        if (!s.empty() && s.size() < (1u << 20)) {
          size_t from = rng() % s.size();
          std::string chunk = s.substr(from, 1 + rng() % 32);
          s.insert(pos, chunk);
        }
        break;
      default:
        if (!s.empty()) s[rng() % s.size()] = static_cast<char>(rng() % 256);
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 10;
  uint64_t seed = 1;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) seeds.push_back(read_file(e.path()));
      }
    } else {
      seeds.push_back(read_file(a));
    }
  }
  if (seeds.empty()) seeds.push_back("");
  // A hang is a crash too: an input that runs past the alarm is written out
  // and the process dies (inputs are small; the sanitizers slow them ~20x).
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGALRM}) std::signal(sig, dump_current);
  constexpr unsigned kSecondsPerInput = 20;
  for (const auto& s : seeds) {
    g_current = &s;
    ::alarm(kSecondsPerInput);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  std::mt19937_64 rng(seed);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  size_t runs = seeds.size();
  while (std::chrono::steady_clock::now() < deadline) {
    std::string input = mutate(seeds[rng() % seeds.size()], seeds, rng);
    g_current = &input;
    ::alarm(kSecondsPerInput);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    ++runs;
  }
  ::alarm(0);
  std::cout << argv[0] << ": " << runs << " inputs, no crash\n";
  return 0;
}
