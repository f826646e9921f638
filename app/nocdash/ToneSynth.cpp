// SPDX-License-Identifier: MIT
#include "ToneSynth.h"

#include <QList>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {
constexpr int kSampleRate = 22050; // plenty for beeps up to 1.3 kHz, and half the size of 44.1 kHz
constexpr int kTrailingSilenceMs = 250;

struct Beep
{
    double frequency; // Hz; 0 is silence
    int milliseconds;
};

QList<Beep> patternFor(Tone tone)
{
    switch (tone) {
    case Tone::Critical: // three high, urgent beeps
        return { { 1320, 140 }, { 0, 60 }, { 1320, 140 }, { 0, 60 }, { 1320, 220 } };
    case Tone::High: // two mid beeps
        return { { 880, 160 }, { 0, 80 }, { 880, 200 } };
    case Tone::Medium: // one soft beep
        return { { 660, 180 } };
    case Tone::FeedLost: // falling pair: something went away
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

QString toneFileName(Tone tone)
{
    switch (tone) {
    case Tone::Critical:
        return u"critical.wav"_s;
    case Tone::High:
        return u"high.wav"_s;
    case Tone::Medium:
        return u"medium.wav"_s;
    case Tone::FeedLost:
        return u"feed-lost.wav"_s;
    }
    return u"medium.wav"_s;
}

QByteArray synthesizeToneWav(Tone tone)
{
    QByteArray pcm;
    QList<Beep> beeps = patternFor(tone);
    // Qt 6.4's QSoundEffect on PulseAudio stops about 110 ms before the end of a sample (measured on the
    // null sink's monitor, tests/ui/check_sound_nullsink.sh): trailing silence keeps the last beep whole.
    beeps.append({ 0, kTrailingSilenceMs });
    for (const Beep &beep : std::as_const(beeps)) {
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
