using System.Text.Json;

namespace ServerlessHub.Health;

/// <summary>
/// The health report as JSON (200 when healthy, else 503), written field by field with <see cref="Utf8JsonWriter"/>
/// in the shape the serializer gives <see cref="HealthReport"/> under the web defaults.
/// </summary>
/// <remarks>
/// Health is what a platform polls first after a start, and it is often the first JSON an instance writes. Through the
/// serializer (the HTTP JSON options' type information, then the first serialization) that answer took 20–30 ms of a
/// published local host's first 200 on a two-core machine; written this way, about 7 ms
/// (tests/ServerlessHub.Benchmarks/README.md, cold start).
/// </remarks>
public sealed class HealthAnswer(HealthReport report) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "application/json; charset=utf-8";
        using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status);
            json.WriteStartObject("storage");
            json.WriteString("tables", report.Storage.Tables);
            json.WriteString("queues", report.Storage.Queues);
            if (report.Storage.TablesProblem is { } tablesProblem)
            {
                json.WriteString("tablesProblem", tablesProblem);
            }

            if (report.Storage.QueuesProblem is { } queuesProblem)
            {
                json.WriteString("queuesProblem", queuesProblem);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
