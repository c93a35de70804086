// The annotators, in the order they run. Each module declares its factory in
// its own header; this list is the one place that orders them.
#pragma once

#include <span>

#include "pipeline/annotator.h"

namespace claimtrace {

struct RegisteredAnnotator {
  const char* name;
  AnnotatorFactory make;
};

std::span<const RegisteredAnnotator> registered_annotators();

}  // namespace claimtrace
