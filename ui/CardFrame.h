#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Lotse::Ui {

// A white, rounded card centred on its page with the app's mark on top: the frame of the sign-in
// and key-file pages. Fields are stacked label-over-input, which reads well in all three languages.
class CardFrame : public QFrame
{
    Q_OBJECT

public:
    // Becomes the centre of `page` (which must not have a layout yet).
    explicit CardFrame(QWidget *page);

    void addHeader(QLabel *title, QLabel *subtitle);
    void addField(QLabel *label, QWidget *field);
    void addWidget(QWidget *widget);
    void addButton(QPushButton *primary, QPushButton *secondary = nullptr);

private:
    QVBoxLayout *m_layout;
};

} // namespace Lotse::Ui
