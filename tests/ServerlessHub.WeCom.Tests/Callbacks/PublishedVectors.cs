namespace ServerlessHub.WeCom.Callbacks;

/// <summary>The published WeCom callback vectors (shared/reference/wecom-test-vectors.md).</summary>
internal static class PublishedVectors
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    public const string UrlSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string UrlTimestamp = "1409659589";
    public const string UrlNonce = "263014780";
    public const string UrlEchoStringOnWire =
        "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
    public const string UrlEchoPlaintext = "1616140317555161061";

    public const string AppSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const string AppTimestamp = "1409659813";
    public const string AppNonce = "1372623149";
    public const string AppEncrypt =
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public const string AppBody =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + AppEncrypt
        + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    public const string BotSignature = "f490df6179b86bcaf6fbed0bf32166a477ca6c86";
    public const string BotTimestamp = "1409659813";
    public const string BotNonce = "1372623149";
    public const string BotEncrypt =
        "6RS0Ko1VsJN/WaFfxqhNGUtb8r2UxTNONDi2rnT8wc4ArAKL3DATSe52RWiPtCpMyIFp9wpXdjhNCPcc6TD8n31lGWsLSZeLt0qq8f+XoRDvVkp6Ma+SZjZsFrq8Tays8ugQ0O1XYJXBdHm4RIkKu2uYgXd+rYwwqi6KiXSh+YX2UJRESFyP9mflQf7HeKLK7eRjIyYUNDASVD3c6JKzGXtzC3G9/Gxjiez9r39XvlaJJzQmsqjSraC9o7Io1ny9E6G8pY5udbdiWyB4MFbrPXJ5tEEiHaIK2WYn7ZqxvRLvuvK/pMoLfDw6O1E2+NZCbkfyzEvWLM4mZnwhzj5Hhg==";
    public const string BotBody = "{\"encrypt\":\"" + BotEncrypt + "\"}";

    public static WeComCallbackCrypto AppCrypto() => new(Token, EncodingAesKey, CorpId);

    public static WeComCallbackCrypto BotCrypto() => new(Token, EncodingAesKey, "");
}
