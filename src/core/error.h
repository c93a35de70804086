// Errors cross module boundaries as values. Finding nothing is not an error;
// an Error means an input or a resource could not be used, and says which.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace claimtrace {

struct Error {
  std::string input;    // the file, line or resource the problem is in
  std::string message;  // what is wrong with it, for a person

  std::string to_string() const { return input.empty() ? message : input + ": " + message; }
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string input, std::string message) {
  return std::unexpected<Error>(Error{std::move(input), std::move(message)});
}

}  // namespace claimtrace
