#include "core/article.h"

namespace khabar {

std::string_view WriteResultName(WriteResult result) {
  switch (result) {
    case WriteResult::kCreated:
      return "created";
    case WriteResult::kUpdated:
      return "updated";
    case WriteResult::kNoop:
      return "noop";
    case WriteResult::kDeleted:
      return "deleted";
  }
  return "noop";
}

}  // namespace khabar
