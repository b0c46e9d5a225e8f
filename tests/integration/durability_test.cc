// Concurrency, back-pressure, shutdown and crash safety of the real binary.

#include <signal.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "fixture.h"

namespace khabar::testing {
namespace {

class DurabilityTest : public ServerTest {
 protected:
  void SetUp() override {}  // Each test starts the server with its own flags.
};

std::string BigBody(int i) {
  std::string body;
  for (int k = 0; k < 40; ++k)
    body += "الخبر رقم " + std::to_string(i) + " فقرة " + std::to_string(k) + " ";
  return body;
}

TEST_F(DurabilityTest, ConcurrentWritersAllLand) {
  StartServer();
  constexpr int kThreads = 8, kPerThread = 40;
  std::atomic<int> created{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient c(server_->port());
      for (int i = 0; i < kPerThread; ++i) {
        const Response r =
            c.Post("/v1/articles", Article("c-" + std::to_string(t) + "-" + std::to_string(i)));
        (r.status == 201 ? created : other)++;
        // Every thread also rewrites one shared article: versions must stay consistent.
        const Response u =
            c.Post("/v1/articles", Article("shared", "نسخة " + std::to_string(t * 1000 + i)));
        if (u.status != 200 && u.status != 201) other++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), kThreads * kPerThread);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), kThreads * kPerThread + 1);
  EXPECT_EQ(Int(Json(client_->Get("/v1/articles/shared").body), "version"), kThreads * kPerThread);
}

TEST_F(DurabilityTest, FullQueueAnswers429AndStoresNothingForIt) {
  StartServer({"--queue-capacity", "1", "--fault-commit-delay-ms", "300"});
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      HttpClient c(server_->port());
      const Response r = c.Post("/v1/articles", Article("q-" + std::to_string(t)));
      if (r.status == 201) {
        created++;
      } else if (r.status == 429 && r.headers.count("retry-after") &&
                 r.body.find("\"queue_full\"") != std::string::npos) {
        refused++;
      } else {
        other++;
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  for (auto& t : threads) t.join();
  EXPECT_GE(refused.load(), 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), created.load());
}

TEST_F(DurabilityTest, SigtermFinishesInFlightWritesAndExitsZero) {
  StartServer({"--fault-commit-delay-ms", "400"});
  Response r;
  std::thread writer([&] {
    HttpClient c(server_->port());
    r = c.Post("/v1/articles", Article("in-flight"));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(server_->pid(), SIGTERM);
  writer.join();
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(server_->Wait(20000), 0) << server_->Log();
  StartServer();
  EXPECT_EQ(client_->Get("/v1/articles/in-flight").status, 200);
}

TEST_F(DurabilityTest, Kill9LosesNothingAcknowledged) {
  StartServer();
  std::mutex mu;
  std::set<std::string> acked, attempted;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      HttpClient c(server_->port());
      for (int i = 0; !stop; ++i) {
        const std::string id = "k-" + std::to_string(t) + "-" + std::to_string(i);
        {
          std::lock_guard lock(mu);
          attempted.insert(id);
        }
        const Response r = c.Post("/v1/articles", Article(id, BigBody(i)));
        if (r.status == 0) return;  // The server is gone.
        if (r.status == 201) {
          std::lock_guard lock(mu);
          acked.insert(id);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server_->Kill();
  stop = true;
  for (auto& t : threads) t.join();
  ASSERT_GT(acked.size(), 50u);

  StartServer();
  int present = 0;
  for (const std::string& id : attempted) {
    const Response r = client_->Get("/v1/articles/" + id);
    if (acked.count(id)) {
      ASSERT_EQ(r.status, 200) << id;
    }
    if (r.status == 404) continue;
    ASSERT_EQ(r.status, 200) << id << " " << r.body;
    ++present;
    auto j = Json(r.body);
    const int i = std::stoi(id.substr(id.rfind('-') + 1));
    EXPECT_EQ(Str(j, "body"), BigBody(i)) << id;  // Never half an article.
    simdjson::dom::object analysis;
    EXPECT_EQ(j["analysis"].get(analysis), simdjson::SUCCESS) << id;
  }
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), present);
}

}  // namespace
}  // namespace khabar::testing
