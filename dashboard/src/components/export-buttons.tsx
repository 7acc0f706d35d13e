import { useState } from 'preact/hooks';
import { download, fileName, toCsv, type Sheet } from '../export/sheet';

/** "Tải Excel" and "Tải CSV": what the view shows, as a file a steering committee can send upward. */
export function ExportButtons(props: { sheet: () => Sheet }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const xlsx = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const sheet = props.sheet();
      // A chunk of its own: the first load does not carry exceljs.
      const { toXlsx } = await import('../export/xlsx');
      download(await toXlsx(sheet), fileName(sheet, 'xlsx'));
    } catch (failure) {
      setError(`Không tạo được tệp Excel: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const csv = (): void => {
    const sheet = props.sheet();
    download(new Blob([toCsv(sheet)], { type: 'text/csv;charset=utf-8' }), fileName(sheet, 'csv'));
  };
  return (
    <div class="export" role="group" aria-label="Tải dữ liệu đang xem">
      <button type="button" onClick={() => void xlsx()} disabled={busy} data-export="xlsx">
        {busy ? 'Đang tạo tệp Excel…' : 'Tải Excel (XLSX)'}
      </button>
      <button type="button" onClick={csv} data-export="csv">
        Tải CSV
      </button>
      {error ? <span class="error">{error}</span> : null}
    </div>
  );
}
