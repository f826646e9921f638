// SPDX-License-Identifier: MIT
#pragma once

#include "NocClient.h"

#include <QPointer>

// The engine a model follows, as QML hands it over (`client: engine`). A model listens to the engine
// it was given and to no other: given another one (a test, a new session), the first one's signals to
// it are cut before it connects to the new one. Reads like the pointer it holds.
class EngineLink
{
public:
    // True when `engine` is not the one followed until now: the caller connects to it (when not
    // null) and announces the change. The previous engine's connections to `receiver` are gone.
    bool follow(noc::NocClient *engine, QObject *receiver)
    {
        if (m_engine == engine)
            return false;
        if (m_engine)
            m_engine->disconnect(receiver);
        m_engine = engine;
        return true;
    }

    [[nodiscard]] noc::NocClient *get() const { return m_engine.data(); }
    noc::NocClient *operator->() const { return m_engine.data(); }
    operator noc::NocClient *() const { return m_engine.data(); } // NOLINT: reads as the pointer

private:
    QPointer<noc::NocClient> m_engine;
};
