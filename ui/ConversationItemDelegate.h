#pragma once

#include <QStyledItemDelegate>

namespace Lotse::Ui {

// Two-line rows for the conversations list and the waiting room: a name on top, a quieter line
// below, a time at the right and an unread count as a pill. The texts come from item roles.
class ConversationItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Role
    {
        SubtitleRole = Qt::UserRole + 40,
        TimeRole,
        UnreadRole,
        IdRole,
        ItalicTitleRole, // the name is unknown: the title is a description, shown in italics
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Lotse::Ui
