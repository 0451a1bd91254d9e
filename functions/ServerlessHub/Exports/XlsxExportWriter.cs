using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using MiniExcelLibs;

namespace ServerlessHub.Exports;

/// <summary>
/// Writes an export as an XLSX workbook of one sheet with MiniExcel, streamed: MiniExcel's default (non-"fast") mode
/// writes the package with <c>ZipArchiveMode.Create</c>, entry after entry with no seeking, and pulls the rows from
/// the async enumerable one at a time. Text cells are inline strings, never formulas, so they need no CSV-style guard.
/// </summary>
internal static class XlsxExportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // What may wait between MiniExcel and the response body before MiniExcel is held back.
    private const int PipeBytes = 256 * 1024;

    public static async Task WriteAsync(Stream body, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        // MiniExcel 1.46 closes the archive with the synchronous ZipArchive.Dispose (the central directory is written
        // then), and Kestrel refuses synchronous writes to a response. So MiniExcel writes into a pipe on a task of its
        // own, where a synchronous write only waits for the pipe to drain, and this copies the pipe to the body with
        // async writes. A failure on either side completes the pipe with it, which stops the other.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeBytes, resumeWriterThreshold: PipeBytes / 2));
        // Started whatever the token says, so that the pipe's writer is always completed.
        var writing = Task.Run(() => SaveAsync(pipe.Writer, headers, rows, cancellationToken), CancellationToken.None);
        var copying = CopyAsync(pipe.Reader, body, cancellationToken);
        await Task.WhenAll(writing, copying).ConfigureAwait(false);
    }

    private static async Task SaveAsync(PipeWriter writer, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        try
        {
            await using (var stream = writer.AsStream(leaveOpen: true))
            {
                // The header row is written as the first row, not by MiniExcel's printHeader, so an export without
                // submissions still has its headers (MiniExcel takes the columns from the first row it reads).
                await stream.SaveAsAsync(Sheet(headers, rows, cancellationToken), printHeader: false, sheetName: "报送", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await writer.CompleteAsync(ex).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CopyAsync(PipeReader reader, Stream body, CancellationToken cancellationToken)
    {
        try
        {
            await reader.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await reader.CompleteAsync(ex).ConfigureAwait(false);
            throw;
        }
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Sheet(IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, headers.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        yield return Cells(keys, headers);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Cells(keys, row);
        }
    }

    private static Dictionary<string, object?> Cells<T>(string[] keys, IReadOnlyList<T> values)
    {
        var cells = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            cells[keys[i]] = values[i];
        }

        return cells;
    }
}
