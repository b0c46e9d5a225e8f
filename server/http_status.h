#pragma once
// The one place that knows HTTP status codes.

#include "core/article.h"
#include "core/status.h"
#include "server/http_types.h"

namespace khabar::server {

int HttpStatusFor(const Status& status);
int HttpStatusFor(const Receipt& receipt);

// The JSON error response for status, with Retry-After where a retry is the cure.
HttpResponse ErrorResponse(const Status& status);
// A 200 response with a JSON body.
HttpResponse JsonResponse(std::string body);
HttpResponse ReceiptResponse(const Receipt& receipt);

}  // namespace khabar::server
