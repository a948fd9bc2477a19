import { useCallback, useEffect, useMemo, useState } from 'react';
import { OmeListItem } from '@ome-console/plugin-ome-common';
import { objectMeta } from '../components/common/format';

/** A row's key: cluster, namespace and name (the position for objects without a name). */
export function itemKey(item: OmeListItem, index: number): string {
  const m = objectMeta(item?.object);
  return `${item?.cluster}/${m.namespace ?? ''}/${m.name || `#${index}`}`;
}

/** The rows selected on the shown page; a new page (or reload) clears the selection. */
export function useRowSelection(items: readonly OmeListItem[]) {
  const [selected, setSelected] = useState<Record<string, OmeListItem>>({});
  useEffect(() => setSelected({}), [items]);
  const toggle = useCallback((item: OmeListItem, index: number) => {
    setSelected(current => {
      const key = itemKey(item, index);
      const next = { ...current };
      if (next[key]) delete next[key];
      else next[key] = item;
      return next;
    });
  }, []);
  const selectedItems = useMemo(() => Object.values(selected), [selected]);
  const allSelected = items.length > 0 && selectedItems.length === items.length;
  const toggleAll = useCallback(() => {
    setSelected(
      allSelected
        ? {}
        : Object.fromEntries(items.map((it, i) => [itemKey(it, i), it])),
    );
  }, [allSelected, items]);
  const isSelected = (item: OmeListItem, index: number) =>
    !!selected[itemKey(item, index)];
  return { selectedItems, allSelected, isSelected, toggle, toggleAll };
}
