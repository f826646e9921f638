// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

// Which Qt Quick backend draws the dashboard. Hardware OpenGL stays the default where it exists; where
// OpenGL is emulated on the CPU (Mesa's llvmpipe in a VM, a thin client, a remote session) every frame
// is a full-window CPU render, and Qt Quick's software adaptation, which repaints only what changed, is
// several times cheaper.
struct RendererChoice
{
    enum class Setting
    {
        Auto,
        OpenGL,
        Software
    };
    enum class Backend
    {
        OpenGL,
        Software,
        Environment // QT_QUICK_BACKEND or QSG_RHI_BACKEND set by the user: Qt decides, we don't
    };

    Backend backend = Backend::OpenGL;
    QString reason; // one sentence for the log and the Diagnostics tab (English, like the log)

    [[nodiscard]] QString backendName() const;
    // "software (auto: OpenGL is llvmpipe (LLVM 15.0.6, 256 bits), emulated on the CPU)"
    [[nodiscard]] QString summary() const;

    // "auto", "opengl", "software" (any case); nullopt for anything else.
    [[nodiscard]] static std::optional<Setting> parseSetting(const QString &text);
    // The GL_RENDERER string names a CPU rasteriser (llvmpipe, softpipe, swrast, SwiftShader, ...).
    [[nodiscard]] static bool isSoftwareGl(const QString &glRenderer);
    // The decision alone: from the setting, a backend the environment already forces (empty: none) and
    // what the probe read (empty: no OpenGL context could be made).
    [[nodiscard]] static RendererChoice decide(Setting setting, const QString &environmentBackend,
                                               const QString &glRenderer);
    // Makes a throwaway context on an offscreen surface and reads GL_RENDERER; empty when there is no
    // OpenGL. Needs the QGuiApplication; takes a few milliseconds.
    [[nodiscard]] static QString probeGlRenderer();
    // The same in a child process (this executable with kProbeArgument): loading a GL driver maps it
    // for good, and Mesa's llvmpipe costs some 40 MiB of PSS in a process that then never uses it.
    // Empty when the child reports no OpenGL or does not answer within a few seconds.
    [[nodiscard]] static QString probeGlRendererInChild();
    // What the child runs: prints GL_RENDERER on stdout. Returns the exit code.
    static int probeMain(int argc, char *argv[]);
    static constexpr const char *kProbeArgument = "--probe-gl-renderer";
    // Reads the environment, probes only when the setting is auto, applies the choice with
    // QQuickWindow::setGraphicsApi (before any window exists) and logs it.
    static RendererChoice apply(const QString &settingText);
};
