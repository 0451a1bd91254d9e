using System.Globalization;
using System.Text;

namespace ServerlessHub.Exports;

/// <summary>
/// Writes an export as RFC 4180 CSV (CRLF line ends; a cell holding a comma, quote or line break is quoted, quotes
/// doubled) in UTF-8 with a byte order mark: without it Excel reads a CSV in the system code page (GBK on Chinese
/// Windows) and garbles every Chinese character.
/// </summary>
/// <remarks>
/// A text cell starting with <c>= + - @</c>, tab or carriage return gets a leading apostrophe (<c>'=1+1</c>): Excel
/// would run it as a formula (CSV injection; OWASP's advice). Numbers are written as they are, so -3 stays a number.
/// </remarks>
internal static class CsvExportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream body, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        // Rows go out through async writes only: the response refuses synchronous ones, and StreamWriter.Write would
        // flush synchronously whenever its buffer fills.
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder(1024);
        line.Append('\uFEFF');
        AppendLine(line, headers);
        await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            AppendLine(line, row);
            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One CSV line, CRLF-terminated.</summary>
    internal static void AppendLine<T>(StringBuilder line, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            switch (cells[i])
            {
                case null: break;
                case string text: AppendText(line, text); break;
                case IFormattable number: line.Append(number.ToString(null, CultureInfo.InvariantCulture)); break;
                case var other: AppendText(line, other.ToString() ?? ""); break;
            }
        }

        line.Append("\r\n");
    }

    private static void AppendText(StringBuilder line, string text)
    {
        var cell = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(cell);
            return;
        }

        line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
