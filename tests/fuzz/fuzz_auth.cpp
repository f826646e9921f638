// SPDX-License-Identifier: MIT
// libFuzzer target for what the REST login endpoints answer (PROTOCOL.md section 1): the JSON bodies of
// both server generations through noc::parseAuthResponse, and JWTs through noc::decodeJwtClaims.
//
// Input: one header line, then the payload.
//   "<generation> <request> <status> <retry-after>\n<body>"
//   generation: auto | token | v2 parse <body> as an HTTP answer; jwt: <body> is a token for decodeJwtClaims
//   request:    login | refresh | logout;  status: the HTTP status (0: no answer);  retry-after: "-" for none
// A missing or garbled header still runs the parser with defaults, so every mutation exercises something.
#include "AuthResponseParser.h"
#include "FuzzSupport.h"
#include "JwtClaims.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
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
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1'767'225'600, Qt::UTC);
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = input.indexOf('\n');
    const QList<QByteArray> header = input.left(qMax<qsizetype>(newline, 0)).split(' ');
    const QByteArray body = newline < 0 ? input : input.mid(newline + 1);
    const auto field = [&header](qsizetype i) { return i < header.size() ? header.at(i) : QByteArray(); };

    const QByteArray generationName = field(0);
    if (generationName == "jwt") {
        (void)noc::decodeJwtClaims(QString::fromUtf8(body));
        return 0;
    }
    noc::AuthGeneration generation = noc::AuthGeneration::Auto;
    if (generationName == "token")
        generation = noc::AuthGeneration::TokenEndpoints;
    else if (generationName == "v2")
        generation = noc::AuthGeneration::V2;
    noc::AuthRequestKind request = noc::AuthRequestKind::Login;
    if (field(1) == "refresh")
        request = noc::AuthRequestKind::Refresh;
    else if (field(1) == "logout")
        request = noc::AuthRequestKind::Logout;

    noc::AuthHttpResponse response;
    response.status = field(2).toInt();
    response.body = body;
    if (field(3) != "-")
        response.retryAfter = field(3);
    if (response.status == 0)
        response.networkError = QStringLiteral("Connection refused");

    const noc::AuthResult result
        = noc::parseAuthResponse(generation, request, response, QStringLiteral("previous-refresh"), now);
    if (const auto *tokens = std::get_if<noc::AuthTokens>(&result)) {
        // Whatever came back as a token must itself survive the claims reader.
        (void)noc::decodeJwtClaims(tokens->refresh);
    }
    return 0;
}
