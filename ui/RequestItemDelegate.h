#pragma once

#include <QStyledItemDelegate>

namespace Lotse::Ui {

// One row of the requests list: the type's icon, the name (or why it is sealed), the time and a
// status pill. Open requests carry a teal dot so they stand out without shouting.
class RequestItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The icon for a request's kind and type (shared with the details pane).
    [[nodiscard]] static QString iconPath(const QModelIndex &index);
};

} // namespace Lotse::Ui
