// SPDX-License-Identifier: MIT
#include "PowerAssertionInhibitor.h"

#include "WallLogging.h"

#include <CoreFoundation/CoreFoundation.h>
#include <IOKit/pwr_mgt/IOPMLib.h>

static_assert(sizeof(IOPMAssertionID) == sizeof(std::uint32_t));

PowerAssertionInhibitor::PowerAssertionInhibitor(const QString &reason, QObject *parent)
    : DisplayInhibitor(parent), m_reason(reason)
{ }

PowerAssertionInhibitor::~PowerAssertionInhibitor()
{
    release();
}

void PowerAssertionInhibitor::hold()
{
    if (m_assertion != kIOPMNullAssertionID)
        return;
    const CFStringRef reason = m_reason.toCFString();
    IOPMAssertionID id = kIOPMNullAssertionID;
    const IOReturn result = IOPMAssertionCreateWithName(kIOPMAssertionTypePreventUserIdleDisplaySleep,
                                                        kIOPMAssertionLevelOn, reason, &id);
    CFRelease(reason);
    if (result != kIOReturnSuccess) {
        if (!m_reported)
            qCWarning(lcWall) << "cannot keep the display on: IOPMAssertionCreateWithName failed with"
                              << result << "; it may blank";
        m_reported = true;
        return;
    }
    m_assertion = id;
    qCInfo(lcWall) << "keeping the display on (IOKit power assertion" << id << ")";
}

void PowerAssertionInhibitor::release()
{
    if (m_assertion == kIOPMNullAssertionID)
        return;
    IOPMAssertionRelease(m_assertion);
    m_assertion = kIOPMNullAssertionID;
    qCInfo(lcWall) << "letting the display sleep again";
}
