// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// The sounds the dashboard makes. QtMultimedia is not part of the dependency set, so tones are
// generated as small WAV files and played by the desktop's own player (pw-play, paplay or aplay);
// with none of those the terminal bell (QApplication::beep) is the fallback.
class TonePlayer
{
public:
    enum class Tone
    {
        Critical,
        High,
        Medium,
        FeedLost
    };

    virtual ~TonePlayer() = default;
    virtual void play(Tone tone) = 0;
};

class SystemTonePlayer final : public TonePlayer
{
public:
    SystemTonePlayer();
    void play(Tone tone) override;
    // The player found on PATH, empty when the bell is the fallback.
    [[nodiscard]] QString player() const { return m_player; }

    // A mono 16-bit PCM WAV: a distinct pattern of beeps per tone.
    [[nodiscard]] static QByteArray toneWav(Tone tone);

private:
    [[nodiscard]] QString fileFor(Tone tone);

    QString m_player;
    QString m_directory;
};
