#pragma once

// Shared set-up of tst_fakekieserver and tst_fakekieserverfiles: a FakeKieServer on 127.0.0.1
// and a RawClient connected to it, new for each test function (init/cleanup).

#include "fakekieserver.h"
#include "rawhttpclient.h"

#include <memory>

namespace veo::test {

struct RawServerFixture
{
    std::unique_ptr<FakeKieServer> server;
    std::unique_ptr<RawClient> client; // connected to server

    // False when the server cannot listen or the client cannot connect.
    [[nodiscard]] bool setUp()
    {
        server = std::make_unique<FakeKieServer>();
        if (!server->listen()) {
            return false;
        }
        client = std::make_unique<RawClient>();
        return client->connectTo(server->baseUrl());
    }

    void tearDown()
    {
        client.reset();
        server.reset();
    }
};

} // namespace veo::test
