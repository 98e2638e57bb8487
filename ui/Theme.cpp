#include "ui/Theme.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be used outside any namespace.
static void initLotseUiResources()
{
    Q_INIT_RESOURCE(lotse_ui);
}

namespace Lotse::Ui::Theme {

namespace {

const auto StyleSheet = R"(
QWidget#signInPage, QWidget#keyStoragePage, QWidget#startupPage { background: #EEF2F4; }
QFrame#cardFrame, QFrame#requestDetailsFrame { background: #FFFFFF; border: 1px solid #DCE3E8; border-radius: 14px; }
QLabel#titleLabel { font-size: 20px; font-weight: 600; color: #1F2A33; }
QLabel#subtitleLabel, QLabel#hintLabel, QLabel[tone="hint"] { color: #5B6770; }
QLabel#messageLabel, QLabel[tone="error"] { background: #FCEDEC; color: #8E2B2B; border: 1px solid #F2C9C6;
                      border-radius: 8px; padding: 8px 10px; }
QLabel#noticeLabel, QLabel[tone="notice"] { background: #EAF3F3; color: #24555A; border: 1px solid #C9E0E1;
                     border-radius: 8px; padding: 8px 10px; }
QLineEdit { border: 1px solid #C8D1D8; border-radius: 7px; padding: 6px 8px; background: #FFFFFF;
            selection-background-color: #2E6E73; min-height: 20px; }
QLineEdit:focus { border: 1px solid #2E6E73; }
QPushButton { border: 1px solid #C8D1D8; border-radius: 7px; padding: 7px 16px; background: #FFFFFF;
              color: #1F2A33; }
QPushButton:hover { background: #F3F6F8; }
QPushButton#primaryButton, QPushButton#signInButton, QPushButton[primary="true"] { background: #2E6E73; border-color: #2E6E73;
                                                      color: #FFFFFF; font-weight: 600; }
QPushButton#primaryButton:hover, QPushButton#signInButton:hover, QPushButton[primary="true"]:hover { background: #285F63; }
QPushButton#primaryButton:disabled, QPushButton#signInButton:disabled,
QPushButton[primary="true"]:disabled { background: #8DB1B3;
                                                                        border-color: #8DB1B3; }
QWidget#sidebarWidget { background: #E6ECEF; border-right: 1px solid #D5DDE2; }
QLabel#brandLabel { font-size: 17px; font-weight: 600; color: #24585C; }
QListWidget#sidebarListWidget { background: transparent; border: none; padding: 6px 8px; outline: 0; }
QListWidget#sidebarListWidget::item { padding: 9px 10px; border-radius: 8px; color: #2A3640; margin: 1px 0; }
QListWidget#sidebarListWidget::item:selected { background: #CFE1E2; color: #1C4A4E; }
QListWidget#sidebarListWidget::item:hover:!selected { background: #DCE5E8; }
QWidget#sectionPage { background: #F7F9FA; }
QGroupBox { background: #FFFFFF; border: 1px solid #DCE3E8; border-radius: 10px; margin-top: 22px;
            padding: 14px 12px 10px 12px; font-weight: 600; color: #1F2A33; }
QGroupBox::title { subcontrol-origin: margin; subcontrol-position: top left; left: 4px; padding: 0 2px; }
QGroupBox QLabel { font-weight: normal; }
QLabel[fingerprint="true"] { font-family: "DejaVu Sans Mono", monospace; color: #24555A; }
QLabel#sectionTitleLabel { font-size: 20px; font-weight: 600; color: #1F2A33; }
)";

} // namespace

void initResources()
{
    static const bool initialised = [] {
        initLotseUiResources();
        return true;
    }();
    Q_UNUSED(initialised);
}

void apply(QApplication &application)
{
    initResources();
    application.setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette palette = application.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xF7, 0xF9, 0xFA));
    palette.setColor(QPalette::WindowText, QColor(0x1F, 0x2A, 0x33));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xF1, 0xF4, 0xF6));
    palette.setColor(QPalette::Text, QColor(0x1F, 0x2A, 0x33));
    palette.setColor(QPalette::Button, QColor(0xFF, 0xFF, 0xFF));
    palette.setColor(QPalette::ButtonText, QColor(0x1F, 0x2A, 0x33));
    palette.setColor(QPalette::Highlight, QColor(0x2E, 0x6E, 0x73));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8A, 0x96, 0x9E));
    palette.setColor(QPalette::Link, QColor(0x2E, 0x6E, 0x73));
    application.setPalette(palette);

    QFont font = application.font();
    if (font.pointSizeF() < 10)
        font.setPointSizeF(10);
    application.setFont(font);
    application.setStyleSheet(QString::fromUtf8(StyleSheet));
    application.setWindowIcon(QIcon(u":/lotse/icons/lotse.svg"_s));
}

} // namespace Lotse::Ui::Theme
