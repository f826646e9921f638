// SPDX-License-Identifier: MIT
#include "TonePlayer.h"

#include <QAudio>
#include <QAudioDevice>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcSound, "nocdash.sound", QtInfoMsg)
} // namespace

SoundEffectTonePlayer::SoundEffectTonePlayer()
    : m_devices(std::make_unique<QMediaDevices>()), m_effectsOwner(std::make_unique<QObject>())
{
    for ([[maybe_unused]] const Tone tone : kAllTones) {
        auto *effect = new QSoundEffect(m_effectsOwner.get());
        QObject::connect(effect, &QSoundEffect::statusChanged, effect, [effect] {
            if (effect->status() == QSoundEffect::Error)
                qCWarning(lcSound) << "cannot load" << effect->source().toString();
        });
        m_effects.append(effect);
    }
    QObject::connect(m_devices.get(), &QMediaDevices::audioOutputsChanged, m_devices.get(),
                     [this] { updateOutput(); });
    updateOutput();
}

SoundEffectTonePlayer::~SoundEffectTonePlayer() = default;

QString SoundEffectTonePlayer::resourceUrl(Tone tone)
{
    return u"qrc:/sounds/"_s + toneFileName(tone);
}

QSoundEffect *SoundEffectTonePlayer::effect(Tone tone) const
{
    return m_effects.value(static_cast<int>(tone));
}

void SoundEffectTonePlayer::updateOutput()
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    const bool hasOutput = !device.isNull();
    if (hasOutput) {
        for (const Tone tone : kAllTones) {
            QSoundEffect *sound = effect(tone);
            sound->setAudioDevice(device);
            // Loaded only once there is somewhere to play them: without a device Qt warns for each one.
            if (sound->source().isEmpty())
                sound->setSource(QUrl(resourceUrl(tone)));
        }
        if (!m_hasOutput)
            qCInfo(lcSound) << "alert sounds play on" << device.description();
    } else if (!m_toldNoOutput) {
        // Once per run: a server or CI has no audio, and that is fine; Settings says so too.
        qCWarning(lcSound) << "no audio output device: alert sounds are off";
        m_toldNoOutput = true;
    }
    if (hasOutput == m_hasOutput)
        return;
    m_hasOutput = hasOutput;
    if (onOutputChanged)
        onOutputChanged();
}

void SoundEffectTonePlayer::play(Tone tone, int volume)
{
    QSoundEffect *sound = effect(tone);
    if (!m_hasOutput || !sound)
        return;
    // The setting is what the ear hears: half way on the slider sounds half as loud.
    const qreal linear = QAudio::convertVolume(qBound(0, volume, 100) / 100.0, QAudio::LogarithmicVolumeScale,
                                               QAudio::LinearVolumeScale);
    sound->setVolume(static_cast<float>(linear));
    sound->play();
}
