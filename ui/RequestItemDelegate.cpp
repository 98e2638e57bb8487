#include "ui/RequestItemDelegate.h"

#include "app/RequestsModel.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int Padding = 12;
constexpr int IconSize = 22;

struct PillColours
{
    QColor background;
    QColor text;
};

PillColours pillColours(const QString &status, bool open)
{
    if (open)
        return {QColor(0xFF, 0xF1, 0xD6), QColor(0x7A, 0x52, 0x0C)};
    if (status == "confirmed"_L1)
        return {QColor(0xDD, 0xEF, 0xE3), QColor(0x23, 0x5E, 0x37)};
    if (status == "proposed"_L1)
        return {QColor(0xE2, 0xEC, 0xF7), QColor(0x2A, 0x4F, 0x7A)};
    return {QColor(0xEC, 0xEF, 0xF1), QColor(0x55, 0x60, 0x68)};
}

} // namespace

QString RequestItemDelegate::iconPath(const QModelIndex &index)
{
    using Client::RequestsModel;
    if (index.data(RequestsModel::FieldsRole).toInt() != int(Client::BookingRequest::Fields::Opened))
        return u":/lotse/icons/sealed.svg"_s;
    if (index.data(RequestsModel::KindRole).toInt() == int(Client::BookingRequest::Kind::Message))
        return u":/lotse/icons/message.svg"_s;
    const QString type = index.data(RequestsModel::TypeRole).toString();
    if (type == "phone"_L1)
        return u":/lotse/icons/phone.svg"_s;
    if (type == "onsite"_L1)
        return u":/lotse/icons/onsite.svg"_s;
    return u":/lotse/icons/video.svg"_s;
}

QSize RequestItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {280, 2 * Padding + 2 * metrics.height() + 6};
}

void RequestItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    using Client::RequestsModel;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect.adjusted(6, 3, -6, -3);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool open = index.data(RequestsModel::IsOpenRole).toBool();
    const bool sealed = index.data(RequestsModel::FieldsRole).toInt() != int(Client::BookingRequest::Fields::Opened);

    painter->setPen(selected ? QColor(0x9C, 0xC4, 0xC6) : QColor(0xE1, 0xE7, 0xEB));
    painter->setBrush(selected ? QColor(0xE4, 0xF0, 0xF0) : hovered ? QColor(0xF6, 0xF9, 0xFA) : QColor(Qt::white));
    painter->drawRoundedRect(rect, 9, 9);

    const QRect iconRect(rect.left() + Padding + 6, rect.top() + (rect.height() - IconSize) / 2, IconSize, IconSize);
    QIcon(iconPath(index)).paint(painter, iconRect);
    if (open) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2E, 0x6E, 0x73));
        painter->drawEllipse(QPointF(rect.left() + 9, rect.center().y() + 0.5), 3.5, 3.5);
    }

    // The status pill on the right of the first line.
    QFont pillFont = option.font;
    pillFont.setPointSizeF(pillFont.pointSizeF() * 0.85);
    const QFontMetrics pillMetrics(pillFont);
    const QString status = index.data(RequestsModel::StatusTextRole).toString();
    const int pillWidth = pillMetrics.horizontalAdvance(status) + 16;
    const int pillHeight = pillMetrics.height() + 4;
    const QRect pill(rect.right() - Padding - pillWidth, rect.top() + Padding - 1, pillWidth, pillHeight);
    const PillColours colours = pillColours(index.data(RequestsModel::StatusRole).toString(), open);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours.background);
    painter->drawRoundedRect(pill, pillHeight / 2.0, pillHeight / 2.0);
    painter->setFont(pillFont);
    painter->setPen(colours.text);
    painter->drawText(pill, Qt::AlignCenter, status);

    const int textLeft = iconRect.right() + 12;
    const QFontMetrics metrics(option.font);
    QFont nameFont = option.font;
    nameFont.setBold(open);
    nameFont.setItalic(sealed);
    painter->setFont(nameFont);
    painter->setPen(sealed ? QColor(0x6B, 0x77, 0x80) : QColor(0x1F, 0x2A, 0x33));
    const QRect nameRect(textLeft, rect.top() + Padding - 2, pill.left() - textLeft - 8, metrics.height() + 2);
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    painter->setFont(option.font);
    painter->setPen(QColor(0x5B, 0x67, 0x70));
    const QRect timeRect(textLeft, nameRect.bottom() + 4, rect.right() - Padding - textLeft, metrics.height() + 2);
    painter->drawText(
        timeRect, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(index.data(RequestsModel::ShortTimeTextRole).toString(), Qt::ElideRight, timeRect.width()));
    painter->restore();
}

} // namespace Lotse::Ui
