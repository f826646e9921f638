// SPDX-License-Identifier: MIT
#include "DisplayInhibitor.h"

#include "WallLogging.h"

#if defined(Q_OS_WIN)
#include "ExecutionStateInhibitor.h"
#elif defined(Q_OS_MACOS)
#include "PowerAssertionInhibitor.h"
#elif defined(Q_OS_LINUX)
#include "ScreenSaverInhibitor.h"

#include <QDBusConnection>
#else
namespace {
// Where nocdash knows no way to keep the display on.
class NoDisplayInhibitor final : public DisplayInhibitor
{
public:
    void hold() override
    {
        if (m_reported)
            return;
        m_reported = true;
        qCWarning(lcWall) << "no way to keep the display on on this platform: it may blank";
    }
    void release() override { }

private:
    bool m_reported = false;
};
} // namespace
#endif

std::unique_ptr<DisplayInhibitor> DisplayInhibitor::forPlatform(const QString &application,
                                                                const QString &reason)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(application)
    Q_UNUSED(reason)
    return std::make_unique<ExecutionStateInhibitor>();
#elif defined(Q_OS_MACOS)
    Q_UNUSED(application)
    return std::make_unique<PowerAssertionInhibitor>(reason);
#elif defined(Q_OS_LINUX)
    return std::make_unique<ScreenSaverInhibitor>(QDBusConnection::sessionBus(), application, reason);
#else
    Q_UNUSED(application)
    Q_UNUSED(reason)
    return std::make_unique<NoDisplayInhibitor>();
#endif
}
