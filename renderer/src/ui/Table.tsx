import {
  Table as AriaTable,
  Cell,
  Column,
  type ColumnProps,
  Row,
  type RowProps,
  TableBody,
  TableHeader,
  type TableProps,
} from 'react-aria-components';

/**
 * React Aria's Table: a grid with arrow-key navigation between rows and cells
 * (buttons inside cells stay reachable with Tab), in the app's one look.
 */
export function Table(props: TableProps) {
  return <AriaTable {...props} className="table" />;
}

export function TableColumn(props: ColumnProps) {
  return <Column {...props} className="table-column" />;
}

export function TableRow<T extends object>(props: RowProps<T>) {
  return <Row {...props} className="table-row" />;
}

export { Cell as TableCell, TableBody, TableHeader };
