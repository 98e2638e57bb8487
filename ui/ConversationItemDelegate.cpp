#include "ui/ConversationItemDelegate.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int Padding = 12;
}

QSize ConversationItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {240, 2 * metrics.height() + 2 * Padding + 4};
}

void ConversationItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(4, 3, -4, -3);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    painter->setPen(selected ? QColor(0x9C, 0xC3, 0xC5) : QColor(0xDC, 0xE3, 0xE8));
    painter->setBrush(selected ? QColor(0xE3, 0xF0, 0xF0) : hovered ? QColor(0xF3, 0xF6, 0xF8) : QColor(Qt::white));
    painter->drawRoundedRect(card, 10, 10);

    const int unread = index.data(UnreadRole).toInt();
    QFont titleFont = option.font;
    titleFont.setWeight(unread > 0 ? QFont::Bold : QFont::DemiBold);
    titleFont.setItalic(index.data(ItalicTitleRole).toBool());
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics smallMetrics(smallFont);
    const QRect inner = card.adjusted(Padding, Padding - 2, -Padding, -Padding + 2);

    // Right column: the time on top, the unread pill below.
    const QString time = index.data(TimeRole).toString();
    const int timeWidth = time.isEmpty() ? 0 : smallMetrics.horizontalAdvance(time) + 8;
    painter->setFont(smallFont);
    painter->setPen(unread > 0 ? QColor(0x2E, 0x6E, 0x73) : QColor(0x5B, 0x67, 0x70));
    painter->drawText(QRect(inner.right() - timeWidth, inner.top(), timeWidth, titleMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, time);
    int pillWidth = 0;
    if (unread > 0) {
        const QString count = unread > 99 ? u"99+"_s : QString::number(unread);
        QFont pillFont = smallFont;
        pillFont.setBold(true);
        const QFontMetrics pillMetrics(pillFont);
        const int height = pillMetrics.height() + 2;
        pillWidth = qMax(height, pillMetrics.horizontalAdvance(count) + 12);
        const QRect pill(inner.right() - pillWidth, inner.bottom() - height + 1, pillWidth, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2E, 0x6E, 0x73));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(pillFont);
        painter->drawText(pill, Qt::AlignCenter, count);
    }

    painter->setFont(titleFont);
    painter->setPen(QColor(0x1F, 0x2A, 0x33));
    const QRect titleRect(inner.left(), inner.top(), inner.width() - timeWidth - 8, titleMetrics.height());
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, titleRect.width()));
    painter->setFont(smallFont);
    painter->setPen(QColor(0x5B, 0x67, 0x70));
    const QRect subtitleRect(inner.left(), inner.bottom() - smallMetrics.height() + 1,
                             inner.width() - pillWidth - (pillWidth ? 8 : 0), smallMetrics.height());
    painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(index.data(SubtitleRole).toString().simplified(), Qt::ElideRight,
                                              subtitleRect.width()));
    painter->restore();
}

} // namespace Lotse::Ui
