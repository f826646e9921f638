// SPDX-License-Identifier: MIT
#include "TonePlayer.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {
constexpr int kSampleRate = 22050;

struct Beep
{
    double frequency; // Hz; 0 is silence
    int milliseconds;
};

QList<Beep> patternFor(TonePlayer::Tone tone)
{
    switch (tone) {
    case TonePlayer::Tone::Critical: // three high, urgent beeps
        return { { 1320, 140 }, { 0, 60 }, { 1320, 140 }, { 0, 60 }, { 1320, 220 } };
    case TonePlayer::Tone::High: // two mid beeps
        return { { 880, 160 }, { 0, 80 }, { 880, 200 } };
    case TonePlayer::Tone::Medium: // one soft beep
        return { { 660, 180 } };
    case TonePlayer::Tone::FeedLost: // falling pair: something went away
        return { { 740, 200 }, { 0, 40 }, { 494, 320 } };
    }
    return { { 660, 180 } };
}

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}
} // namespace

QByteArray SystemTonePlayer::toneWav(Tone tone)
{
    QByteArray pcm;
    for (const Beep &beep : patternFor(tone)) {
        const int samples = kSampleRate * beep.milliseconds / 1000;
        for (int i = 0; i < samples; ++i) {
            double value = 0;
            if (beep.frequency > 0) {
                // A short fade in and out: no clicks at the edges.
                const double envelope = std::min({ 1.0, i / 200.0, (samples - i) / 200.0 });
                value = 0.35 * envelope
                    * std::sin(2.0 * std::numbers::pi * beep.frequency * i / double(kSampleRate));
            }
            appendLe16(pcm, static_cast<quint16>(static_cast<qint16>(value * 32767)));
        }
    }
    QByteArray wav;
    wav.append("RIFF");
    appendLe32(wav, static_cast<quint32>(36 + pcm.size()));
    wav.append("WAVEfmt ");
    appendLe32(wav, 16);
    appendLe16(wav, 1); // PCM
    appendLe16(wav, 1); // mono
    appendLe32(wav, kSampleRate);
    appendLe32(wav, kSampleRate * 2);
    appendLe16(wav, 2);
    appendLe16(wav, 16);
    wav.append("data");
    appendLe32(wav, static_cast<quint32>(pcm.size()));
    wav.append(pcm);
    return wav;
}

SystemTonePlayer::SystemTonePlayer()
{
    for (const QString &candidate : { u"pw-play"_s, u"paplay"_s, u"aplay"_s }) {
        m_player = QStandardPaths::findExecutable(candidate);
        if (!m_player.isEmpty())
            break;
    }
    m_directory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/sounds"_s;
}

QString SystemTonePlayer::fileFor(Tone tone)
{
    const QString path = m_directory + u"/tone-%1.wav"_s.arg(static_cast<int>(tone));
    if (QFile::exists(path))
        return path;
    QDir().mkpath(m_directory);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toneWav(tone)) < 0)
        return {};
    return path;
}

void SystemTonePlayer::play(Tone tone)
{
    if (!m_player.isEmpty()) {
        const QString file = fileFor(tone);
        const QStringList args
            = m_player.endsWith(u"aplay"_s) ? QStringList { u"-q"_s, file } : QStringList { file };
        if (!file.isEmpty() && QProcess::startDetached(m_player, args))
            return;
    }
    QApplication::beep();
}
