using Microsoft.AspNetCore.Http.HttpResults;

namespace ServerlessHub.Http;

/// <summary>problem+json answers whose title and detail are in the request's language.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(HttpContext context, int status, (string Zh, string En) title, (string Zh, string En) detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(
            title: RequestLanguage.Pick(context, title.Zh, title.En),
            detail: RequestLanguage.Pick(context, detail.Zh, detail.En),
            statusCode: status,
            extensions: extensions);

    public static ProblemHttpResult NotFound(HttpContext context, (string Zh, string En) detail) =>
        Create(context, StatusCodes.Status404NotFound, ("未找到", "Not found"), detail);

    public static ProblemHttpResult BadRequest(HttpContext context, (string Zh, string En) detail, IDictionary<string, object?>? extensions = null) =>
        Create(context, StatusCodes.Status400BadRequest, ("请求有误", "Bad request"), detail, extensions);

    public static ProblemHttpResult Conflict(HttpContext context, (string Zh, string En) detail) =>
        Create(context, StatusCodes.Status409Conflict, ("与现有数据冲突", "Conflict"), detail);

    public static ProblemHttpResult UnprocessableEntity(HttpContext context, (string Zh, string En) detail, IDictionary<string, object?>? extensions = null) =>
        Create(context, StatusCodes.Status422UnprocessableEntity, ("内容未通过校验", "Validation failed"), detail, extensions);

    /// <summary>413 naming the limit that applies: <paramref name="maxBytes"/>, the API's 256 KiB by default.</summary>
    public static ProblemHttpResult TooLarge(HttpContext context, int maxBytes = RequestBodies.MaxBytes) =>
        Create(context, StatusCodes.Status413PayloadTooLarge, ("请求内容过大", "Request too large"),
            ($"请求内容不能超过 {maxBytes / 1024} KiB。", $"The request body may be at most {maxBytes / 1024} KiB."));

    public static ProblemHttpResult NotUtf8(HttpContext context) =>
        BadRequest(context, ("请求内容必须是 UTF-8 编码的文本。", "The request body must be UTF-8 text."));
}
