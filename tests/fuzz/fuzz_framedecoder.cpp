// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes a server might send as one WebSocket text frame (PROTOCOL.md sections 3
// and 4) through noc::FrameDecoder::decode. It must never crash, hang or read out of bounds; ASan and
// UBSan (NOCDASH_FUZZ build) turn any such defect into a finding.
#include "FrameDecoder.h"
#include "FuzzSupport.h"

#include <QByteArray>
#include <QDateTime>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/)
{
    noc::fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QDateTime receivedAt = QDateTime::fromSecsSinceEpoch(1'767'225'600, Qt::UTC);
    // A deep copy: fromRawData would let the decoder read past the input without ASan noticing the
    // missing terminator that a real QByteArray from the socket always has.
    const QByteArray frame(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const noc::ServerEvent event = noc::FrameDecoder::decode(frame, receivedAt);
    if (event.valueless_by_exception())
        __builtin_trap();
    return 0;
}
