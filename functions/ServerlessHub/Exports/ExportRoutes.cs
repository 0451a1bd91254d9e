namespace ServerlessHub.Exports;

/// <summary>The routes of the export functions, under the host's <c>api</c> prefix.</summary>
internal static class ExportRoutes
{
    public const string Report = "hubs/{hubId}/reports/{reportId}/export";
    public const string Hub = "hubs/{hubId}/export";
}
