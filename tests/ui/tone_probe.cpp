// SPDX-License-Identifier: MIT
// Plays one alert tone through the dashboard's own player (Qt Multimedia) and exits when it has been
// played: the sound check records what reaches the audio server (check_sound_nullsink.sh).
//   tone_probe critical|high|medium|feed-lost [VOLUME 0-100]
#include "TonePlayer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSoundEffect>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    const Tone *chosen = nullptr;
    for (const Tone &tone : kAllTones) {
        if (args.size() > 1 && toneFileName(tone) == args.at(1) + u".wav"_s)
            chosen = &tone;
    }
    if (!chosen) {
        err << "usage: tone_probe critical|high|medium|feed-lost [VOLUME]\n";
        return 2;
    }
    const int volume = args.size() > 2 ? args.at(2).toInt() : 100;
    SoundEffectTonePlayer player;
    if (!player.hasOutput()) {
        err << "tone_probe: no audio output device\n";
        return 3;
    }
    // Every tone loads (QSoundEffect reaches Ready), then the chosen one plays.
    for (const Tone tone : kAllTones) {
        QSoundEffect *sound = player.effect(tone);
        QElapsedTimer waited;
        waited.start();
        while (sound->status() != QSoundEffect::Ready && waited.elapsed() < 10'000) {
            if (sound->status() == QSoundEffect::Error) {
                err << "tone_probe: " << toneFileName(tone) << " did not load\n";
                return 4;
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        }
        if (sound->status() != QSoundEffect::Ready) {
            err << "tone_probe: " << toneFileName(tone) << " not ready within 10 s\n";
            return 4;
        }
    }
    QSoundEffect *effect = player.effect(*chosen);
    bool started = false;
    QObject::connect(effect, &QSoundEffect::playingChanged, &app, [&] {
        if (effect->isPlaying())
            started = true;
        else if (started)
            QCoreApplication::exit(0);
    });
    const auto playWhenReady = [&] {
        if (effect->status() == QSoundEffect::Ready && !started)
            player.play(*chosen, volume);
        else if (effect->status() == QSoundEffect::Error)
            QCoreApplication::exit(4);
    };
    QObject::connect(effect, &QSoundEffect::statusChanged, &app, playWhenReady);
    QTimer::singleShot(0, &app, playWhenReady);
    QTimer::singleShot(15'000, &app, [&] {
        err << "tone_probe: the tone did not play within 15 s\n";
        QCoreApplication::exit(5);
    });
    const int code = QCoreApplication::exec();
    // Leave without tearing Qt Multimedia down: with Qt 6.4's PulseAudio backend, destroying the sound
    // effects while the server still answers aborted inside libpulse now and then ("pdispatch.c:307",
    // about one run in ten of this check). What the check measures, the tone reaching the server, is over.
    err.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}
