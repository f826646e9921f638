// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes a server might send as one WebSocket text frame (PROTOCOL.md sections 3
// and 4) through noc::FrameDecoder::decode. It must never crash, hang or read out of bounds; ASan and
// UBSan (NOCDASH_FUZZ build) turn any such defect into a finding. Decoding the same frame as text
// (what the socket delivers) must give the same event.
#include "FrameDecoder.h"
#include "FuzzSupport.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

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
    // Text as the socket hands it over takes a reader of its own for plain alert_new frames: it must
    // agree with the bytes' reading whenever the bytes are the text's UTF-8.
    const QString text = QString::fromUtf8(frame);
    if (text.toUtf8() != frame)
        return 0;
    const noc::ServerEvent fromText = noc::FrameDecoder::decode(text, receivedAt);
    if (fromText.index() != event.index())
        __builtin_trap();
    if (const auto *expected = std::get_if<noc::AlertEvent>(&event)) {
        const noc::Alert &a = std::get<noc::AlertEvent>(fromText).alert;
        const noc::Alert &b = expected->alert;
        if (a.kind != b.kind || a.severity != b.severity || a.id != b.id || a.clientId != b.clientId
            || a.type != b.type || a.message != b.message || a.location != b.location || a.detail != b.detail
            || a.occurredAt != b.occurredAt || a.occurredAt.isValid() != b.occurredAt.isValid()
            || a.rawJson != b.rawJson)
            __builtin_trap();
    }
    return 0;
}
