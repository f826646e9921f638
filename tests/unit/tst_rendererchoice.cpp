// SPDX-License-Identifier: MIT
// Which Qt Quick renderer the dashboard picks, from the setting and what the OpenGL probe read.
#include "RenderSettings.h"
#include "RendererChoice.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Backend = RendererChoice::Backend;
using Setting = RendererChoice::Setting;

class TestRendererChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cpuRasterisersAreRecognised_data()
    {
        QTest::addColumn<QString>("glRenderer");
        QTest::addColumn<bool>("software");
        QTest::newRow("llvmpipe") << u"llvmpipe (LLVM 15.0.6, 256 bits)"_s << true;
        QTest::newRow("softpipe") << u"softpipe"_s << true;
        QTest::newRow("swrast") << u"Mesa DRI swrast"_s << true;
        QTest::newRow("swiftshader") << u"Google SwiftShader"_s << true;
        QTest::newRow("windows") << u"GDI Generic"_s << true;
        QTest::newRow("intel") << u"Mesa Intel(R) UHD Graphics 620 (KBL GT2)"_s << false;
        QTest::newRow("nvidia") << u"NVIDIA GeForce RTX 3060/PCIe/SSE2"_s << false;
        QTest::newRow("virgl") << u"virgl (Intel UHD)"_s << false;
    }
    void cpuRasterisersAreRecognised()
    {
        QFETCH(QString, glRenderer);
        QFETCH(bool, software);
        QCOMPARE(RendererChoice::isSoftwareGl(glRenderer), software);
    }

    void autoFollowsTheProbe()
    {
        const RendererChoice cpu = RendererChoice::decide(Setting::Auto, {}, u"llvmpipe (LLVM 15.0.6)"_s);
        QCOMPARE(cpu.backend, Backend::Software);
        QVERIFY(cpu.reason.contains(u"llvmpipe"_s));
        QVERIFY(cpu.summary().startsWith(u"software ("_s));

        const RendererChoice gpu = RendererChoice::decide(Setting::Auto, {}, u"AMD Radeon RX 6600"_s);
        QCOMPARE(gpu.backend, Backend::OpenGL);
        QVERIFY(gpu.reason.contains(u"Radeon"_s));

        // No OpenGL at all (no driver, a remote session without GLX): software draws anyway.
        QCOMPARE(RendererChoice::decide(Setting::Auto, {}, {}).backend, Backend::Software);
    }

    void theSettingOverridesTheProbe()
    {
        QCOMPARE(RendererChoice::decide(Setting::OpenGL, {}, u"llvmpipe"_s).backend, Backend::OpenGL);
        QCOMPARE(RendererChoice::decide(Setting::Software, {}, u"NVIDIA GeForce"_s).backend,
                 Backend::Software);
        QVERIFY(RendererChoice::decide(Setting::Software, {}, {}).reason.contains(u"settings"_s));
    }

    void theEnvironmentOverridesEverything()
    {
        // QT_QUICK_BACKEND is the operator's own override: nocdash leaves the choice to Qt then.
        const RendererChoice choice
            = RendererChoice::decide(Setting::Software, u"QT_QUICK_BACKEND=opengl"_s, u"llvmpipe"_s);
        QCOMPARE(choice.backend, Backend::Environment);
        QVERIFY(choice.reason.contains(u"QT_QUICK_BACKEND"_s));
    }

    void settingsParse()
    {
        QCOMPARE(RendererChoice::parseSetting(u"auto"_s), Setting::Auto);
        QCOMPARE(RendererChoice::parseSetting({}), Setting::Auto);
        QCOMPARE(RendererChoice::parseSetting(u" OpenGL "_s), Setting::OpenGL);
        QCOMPARE(RendererChoice::parseSetting(u"software"_s), Setting::Software);
        QVERIFY(!RendererChoice::parseSetting(u"vulkan"_s).has_value());
    }

    void renderSettingsReadTheConfFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"nocdash.conf"_s);
        const RenderSettings defaults = RenderSettings::load(file);
        QCOMPARE(defaults.renderer, u"auto"_s);
        QCOMPARE(defaults.desktopUpdatesPerSecond, 10);
        QCOMPARE(defaults.wallUpdatesPerSecond, 3);
        {
            QSettings store(file, QSettings::IniFormat);
            store.setValue(u"ui/renderer"_s, u"software"_s);
            store.setValue(u"ui/updatesPerSecond"_s, 25);
            store.setValue(u"wall/updatesPerSecond"_s, 500);
        }
        const RenderSettings set = RenderSettings::load(file);
        QCOMPARE(set.renderer, u"software"_s);
        QCOMPARE(set.desktopUpdatesPerSecond, 25);
        QCOMPARE(set.wallUpdatesPerSecond, 60); // bounded
    }
};

QTEST_GUILESS_MAIN(TestRendererChoice)
#include "tst_rendererchoice.moc"
