// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <array>

// The dashboard's sounds. They are synthesised at build time (nocdash-make-tones) into WAV files that the
// executable carries as resources: no audio assets to license, and each tone stays a few lines here.
enum class Tone
{
    Critical,
    High,
    Medium,
    FeedLost
};

inline constexpr std::array kAllTones { Tone::Critical, Tone::High, Tone::Medium, Tone::FeedLost };

// critical.wav, high.wav, medium.wav, feed-lost.wav
[[nodiscard]] QString toneFileName(Tone tone);
// A mono 16-bit PCM WAV: a distinct pattern of beeps per tone.
[[nodiscard]] QByteArray synthesizeToneWav(Tone tone);
