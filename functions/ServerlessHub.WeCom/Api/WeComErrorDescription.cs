namespace ServerlessHub.WeCom.Api;

/// <summary>What a WeCom <c>errcode</c> means, in English and in Chinese (as WeCom's global error code table words it).</summary>
/// <param name="English">A short English description.</param>
/// <param name="Chinese">The Chinese description (错误说明).</param>
public sealed record WeComErrorDescription(string English, string Chinese);
