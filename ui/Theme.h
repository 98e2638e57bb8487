#pragma once

class QApplication;

namespace Lotse::Ui {

// Lotse's calm look: Fusion with a light, low-contrast palette, a teal accent and rounded cards.
// Applied once by the composition root (and by the desktop tests, so screenshots match).
namespace Theme {
// Registers the icons (lotse_ui.qrc); idempotent.
void initResources();
void apply(QApplication &application);
} // namespace Theme

} // namespace Lotse::Ui
