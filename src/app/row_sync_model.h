// A list model whose rows are refreshed from a new snapshot by difference: rows that went away are
// removed, new rows inserted, changed rows reported with dataChanged. QML delegates then animate
// (a pod moving, a status changing colour) instead of being rebuilt on every frame.
#pragma once

#include <QAbstractListModel>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace podscape {

class RowSyncModel : public QAbstractListModel {
public:
    using QAbstractListModel::QAbstractListModel;

protected:
    // Row needs `QString key` and operator==. `next` holds the rows in the order the model shows.
    template <typename Row> void syncRows(std::vector<Row> &rows, std::vector<Row> next);
};

// The row with this key, null if none (the models' find()).
template <typename Row> const Row *findRow(const std::vector<Row> &rows, const QString &key)
{
    auto it = std::find_if(rows.begin(), rows.end(), [&](const Row &r) { return r.key == key; });
    return it == rows.end() ? nullptr : &*it;
}

template <typename Row> void RowSyncModel::syncRows(std::vector<Row> &rows, std::vector<Row> next)
{
    std::unordered_map<QString, std::size_t> wanted;
    for (std::size_t i = 0; i < next.size(); ++i)
        wanted.emplace(next[i].key, i);
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (wanted.count(rows[i].key))
            continue;
        beginRemoveRows({}, i, i);
        rows.erase(rows.begin() + i);
        endRemoveRows();
    }
    std::unordered_set<QString> present;
    for (const Row &r : rows)
        present.insert(r.key);
    for (std::size_t i = 0; i < next.size(); ++i) {
        int row = int(i);
        if (i < rows.size() && rows[i].key == next[i].key) {
            if (!(rows[i] == next[i])) {
                rows[i] = std::move(next[i]);
                emit dataChanged(index(row), index(row));
            }
            continue;
        }
        // A new row is inserted without a search, so filling an empty model stays linear.
        auto later = present.count(next[i].key) == 0
                         ? rows.end()
                         : std::find_if(rows.begin() + row, rows.end(), [&](const Row &r) { return r.key == next[i].key; });
        if (later == rows.end()) {
            beginInsertRows({}, row, row);
            rows.insert(rows.begin() + row, std::move(next[i]));
            endInsertRows();
            continue;
        }
        // Rows keep their order in practice; a row that did move is moved, not rebuilt.
        int from = int(later - rows.begin());
        beginMoveRows({}, from, from, {}, row);
        std::rotate(rows.begin() + row, later, later + 1);
        endMoveRows();
        if (!(rows[i] == next[i])) {
            rows[i] = std::move(next[i]);
            emit dataChanged(index(row), index(row));
        }
    }
}

} // namespace podscape
