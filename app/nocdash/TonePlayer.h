// SPDX-License-Identifier: MIT
#pragma once

#include "ToneSynth.h"

#include <QObject>

#include <functional>
#include <memory>

class QSoundEffect;
class QMediaDevices;

// The sounds the dashboard makes, behind an interface so the notification logic is tested without audio.
class TonePlayer
{
public:
    using Tone = ::Tone;

    virtual ~TonePlayer() = default;
    // volume: 0-100, as the setting; the player maps it onto a perceptual (logarithmic) scale.
    virtual void play(Tone tone, int volume) = 0;
    // False without an audio output (a server, CI): play() then does nothing.
    [[nodiscard]] virtual bool hasOutput() const = 0;

    // Called when an audio output appears or the last one goes away.
    std::function<void()> onOutputChanged;
};

// Qt Multimedia's QSoundEffect on the tones in the executable's resources (:/sounds/*.wav): the
// system's audio API on every platform (PulseAudio/PipeWire, WASAPI, Core Audio), low latency, no
// external player. The effects follow the default output device when it changes, and load their tones
// once there is one.
class SoundEffectTonePlayer final : public TonePlayer
{
public:
    SoundEffectTonePlayer();
    ~SoundEffectTonePlayer() override;
    void play(Tone tone, int volume) override;
    [[nodiscard]] bool hasOutput() const override { return m_hasOutput; }

    // The resource URL of a tone (tests decode these).
    [[nodiscard]] static QString resourceUrl(Tone tone);
    // The effect that plays a tone (tests wait for it to load).
    [[nodiscard]] QSoundEffect *effect(Tone tone) const;

private:
    void updateOutput();

    std::unique_ptr<QMediaDevices> m_devices;
    std::unique_ptr<QObject> m_effectsOwner;
    QList<QSoundEffect *> m_effects; // indexed by Tone
    bool m_hasOutput = false;
    bool m_toldNoOutput = false;
};
