import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';

/** The first rows of the file as decoded, so a wrong encoding or delimiter shows at once. */
export function PreviewTable(props: { label: string; columns: string[]; rows: string[][] }) {
  const columns = props.columns.map((name, index) => ({ id: `c${index}`, index, name }));
  const rows = props.rows.map((cells, index) => ({ id: `r${index}`, cells }));
  return (
    <div className="table-scroll">
      <Table aria-label={props.label} data-testid="preview-table">
        <TableHeader>
          {columns.map((c) => (
            <TableColumn key={c.id} id={c.id} isRowHeader={c.index === 0}>
              {c.name}
            </TableColumn>
          ))}
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} id={r.id}>
              {columns.map((c) => (
                <TableCell key={c.id}>{r.cells[c.index] ?? ''}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
