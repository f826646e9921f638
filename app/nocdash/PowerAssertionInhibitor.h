// SPDX-License-Identifier: MIT
#pragma once

#include "DisplayInhibitor.h"

#include <cstdint>

// macOS: an IOKit power assertion that the display must not sleep while the user is idle
// (`pmset -g assertions` lists it with the reason).
class PowerAssertionInhibitor final : public DisplayInhibitor
{
    Q_OBJECT
public:
    explicit PowerAssertionInhibitor(const QString &reason, QObject *parent = nullptr);
    ~PowerAssertionInhibitor() override;

    void hold() override;
    void release() override;

private:
    QString m_reason;
    std::uint32_t m_assertion = 0; // an IOPMAssertionID; 0 is kIOPMNullAssertionID
    bool m_reported = false;
};
