// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace noc::fuzz {

// The decoders log what they reject; at millions of inputs a second that is only noise.
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

} // namespace noc::fuzz
