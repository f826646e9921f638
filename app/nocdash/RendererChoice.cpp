// SPDX-License-Identifier: MIT
#include "RendererChoice.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QProcess>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTextStream>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRenderer, "nocdash.renderer")

QString RendererChoice::backendName() const
{
    switch (backend) {
    case Backend::OpenGL:
        return u"opengl"_s;
    case Backend::Software:
        return u"software"_s;
    case Backend::Environment:
        return u"environment"_s;
    }
    return {};
}

QString RendererChoice::summary() const
{
    return backendName() + u" ("_s + reason + u')';
}

std::optional<RendererChoice::Setting> RendererChoice::parseSetting(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == u"auto"_s)
        return Setting::Auto;
    if (t == u"opengl"_s || t == u"gl"_s)
        return Setting::OpenGL;
    if (t == u"software"_s)
        return Setting::Software;
    return std::nullopt;
}

bool RendererChoice::isSoftwareGl(const QString &glRenderer)
{
    // Mesa's CPU drivers, Google's SwiftShader, and what Windows and VMs without 3D acceleration offer.
    static const QStringList cpuRasterisers = {
        u"llvmpipe"_s,    u"softpipe"_s, u"swrast"_s,      u"software rasterizer"_s,
        u"swiftshader"_s, u"lavapipe"_s, u"gdi generic"_s, u"microsoft basic render"_s,
    };
    const QString lower = glRenderer.toLower();
    for (const QString &name : cpuRasterisers) {
        if (lower.contains(name))
            return true;
    }
    return false;
}

RendererChoice RendererChoice::decide(Setting setting, const QString &environmentBackend,
                                      const QString &glRenderer)
{
    if (!environmentBackend.isEmpty())
        return { Backend::Environment, u"set by the environment: %1"_s.arg(environmentBackend) };
    switch (setting) {
    case Setting::OpenGL:
        return { Backend::OpenGL, u"renderer=opengl in the settings"_s };
    case Setting::Software:
        return { Backend::Software, u"renderer=software in the settings"_s };
    case Setting::Auto:
        break;
    }
    if (glRenderer.isEmpty())
        return { Backend::Software, u"auto: no OpenGL context could be created"_s };
    if (isSoftwareGl(glRenderer))
        return { Backend::Software, u"auto: OpenGL is %1, emulated on the CPU"_s.arg(glRenderer) };
    return { Backend::OpenGL, u"auto: OpenGL is %1, in hardware"_s.arg(glRenderer) };
}

QString RendererChoice::probeGlRenderer()
{
    QOpenGLContext context;
    if (!context.create())
        return {};
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return {};
    const auto *name = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    QString renderer = name ? QString::fromUtf8(name) : QString();
    context.doneCurrent();
    return renderer;
}

QString RendererChoice::probeGlRendererInChild()
{
    QProcess child;
    // The child draws on the same display with the same platform plugin as this process.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, QGuiApplication::platformName());
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(kProbeArgument) });
    if (!child.waitForFinished(5000)) {
        child.kill();
        child.waitForFinished(1000);
        qCWarning(lcRenderer) << "the OpenGL probe did not answer";
        return {};
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return {};
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

int RendererChoice::probeMain(int argc, char *argv[])
{
    const QGuiApplication app(argc, argv);
    const QString renderer = probeGlRenderer();
    QTextStream(stdout) << renderer << '\n';
    return renderer.isEmpty() ? 1 : 0;
}

RendererChoice RendererChoice::apply(const QString &settingText)
{
    const std::optional<Setting> parsed = parseSetting(settingText);
    if (!parsed)
        qCWarning(lcRenderer) << "unknown renderer setting" << settingText << "- using auto";
    const Setting setting = parsed.value_or(Setting::Auto);
    QString environment;
    for (const char *variable : { "QT_QUICK_BACKEND", "QSG_RHI_BACKEND" }) {
        if (qEnvironmentVariableIsSet(variable)) {
            environment = QString::fromLatin1(variable) + u'=' + qEnvironmentVariable(variable);
            break;
        }
    }
    // The probe loads the GL driver (in a child): only when its answer decides something.
    const QString glRenderer
        = environment.isEmpty() && setting == Setting::Auto ? probeGlRendererInChild() : QString();
    const RendererChoice choice = decide(setting, environment, glRenderer);
    if (choice.backend == Backend::Software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    else if (choice.backend == Backend::OpenGL)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    qCInfo(lcRenderer).noquote() << "Qt Quick renderer:" << choice.summary();
    return choice;
}
