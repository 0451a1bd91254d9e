using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using ServerlessHub.Storage.Submissions;

namespace ServerlessHub.Exports;

/// <summary>
/// The answer of an export: a 200 attachment whose rows are read from storage while the body is written, so neither
/// the submissions nor the file are ever held whole. Once the first bytes are out the status cannot change: a storage
/// failure midway aborts the response, and the client sees a broken transfer rather than a short file.
/// </summary>
public sealed class ExportFile : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    private readonly ExportPlan _plan;
    private readonly SubmissionStore _store;

    internal ExportFile(ExportPlan plan, ExportFormat format, SubmissionStore store)
    {
        _plan = plan;
        _store = store;
        Format = format;
    }

    public ExportFormat Format { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => Format == ExportFormat.Xlsx ? XlsxExportWriter.ContentType : CsvContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var (chinese, ascii) = _plan.FileName(Format);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = ascii, FileNameStar = chinese }.ToString();

        var table = new ExportTable(_plan);
        var rows = table.RowsAsync(_store, httpContext.RequestAborted);
        await (Format == ExportFormat.Xlsx
            ? XlsxExportWriter.WriteAsync(response.Body, table.Headers, rows, httpContext.RequestAborted)
            : CsvExportWriter.WriteAsync(response.Body, table.Headers, rows, httpContext.RequestAborted)).ConfigureAwait(false);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [CsvContentType, XlsxExportWriter.ContentType]));
    }
}
