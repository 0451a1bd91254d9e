using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.MicroBenchmarks.Callbacks;

/// <summary>
/// The WeCom callback crypto on an app callback as WeCom posts it: the envelope parsed, its signature checked and its
/// ciphertext decrypted; a passive reply encrypted, signed and wrapped; the signature alone computed and verified.
/// The baseline is the cryptography no implementation can skip on the same bytes: one AES-256-CBC decryption of the
/// ciphertext and one SHA1 of the signed text, with the key schedule already made.
/// </summary>
[MemoryDiagnoser]
public class CallbackCryptoBenchmarks
{
    private const string Token = "BenchToken2026";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string CorpId = "wwbenchcorp";
    private const string Nonce = "1372623149";

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private WeComCallbackCrypto _crypto = null!;
    private Aes _aes = null!;
    private string _timestamp = "";
    private string _xml = "";
    private string _encrypted = "";
    private string _signature = "";
    private byte[] _envelope = [];
    private byte[] _ciphertext = [];
    private byte[] _signedText = [];
    private byte[] _iv = [];

    /// <summary>The chat text inside the callback: a two-character command, or a report of about 2 KB.</summary>
    [Params(ChatSize.TwoCharacters, ChatSize.TwoKilobytes)]
    public ChatSize Message { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _crypto = new WeComCallbackCrypto(Token, AesKey, CorpId);
        _timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var content = Message == ChatSize.TwoCharacters ? "状态" : LongReport();
        _xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[wangxiaomei]]></FromUserName><CreateTime>{_timestamp}</CreateTime>" +
            $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>7421938475610293847</MsgId><AgentID>1000005</AgentID></xml>";
        _encrypted = _crypto.Encrypt(_xml);
        _signature = _crypto.ComputeSignature(_timestamp, Nonce, _encrypted);
        _envelope = Encoding.UTF8.GetBytes($"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{_encrypted}]]></Encrypt><AgentID><![CDATA[1000005]]></AgentID></xml>");

        var key = Convert.FromBase64String(AesKey + "=");
        _aes = Aes.Create();
        _aes.Key = key;
        _iv = key[..16];
        _ciphertext = Convert.FromBase64String(_encrypted);
        string[] parts = [Token, _timestamp, Nonce, _encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        _signedText = Encoding.UTF8.GetBytes(string.Concat(parts));

        if (ParseAndDecrypt() != _xml)
        {
            throw new InvalidOperationException("The sealed callback does not decrypt to its message.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _aes.Dispose();

    [Benchmark(Baseline = true, Description = "Aes.DecryptCbc+SHA1.HashData")]
    public int RawAesAndSha1()
    {
#pragma warning disable CA5350 // WeCom's msg_signature is SHA1; the baseline does what the protocol makes us do.
        var hash = SHA1.HashData(_signedText);
#pragma warning restore CA5350
        return _aes.DecryptCbc(_ciphertext, _iv, PaddingMode.None).Length + hash[0];
    }

    [Benchmark(Description = "ParseAppXml+Decrypt")]
    public string? ParseAndDecrypt()
    {
        var envelope = CallbackEnvelope.ParseAppXml(_envelope);
        return envelope.IsOk ? _crypto.Decrypt(_signature, _timestamp, Nonce, envelope.Value.Encrypt).Message : null;
    }

    [Benchmark(Description = "CreateReply+ToAppXml")]
    public string EncryptReply() => _crypto.CreateReply(_xml, Now, Nonce).ToAppXml();

    [Benchmark]
    public string ComputeSignature() => _crypto.ComputeSignature(_timestamp, Nonce, _encrypted);

    [Benchmark]
    public bool VerifySignature() => _crypto.VerifySignature(_signature, _timestamp, Nonce, _encrypted);

    // A weekly report written out at length, as a liaison pastes it: about 2 KB of UTF-8.
    private static string LongReport()
    {
        var text = new StringBuilder("周报\n本周进展：");
        while (Encoding.UTF8.GetByteCount(text.ToString()) < 2048)
        {
            text.Append("开展户外自主游戏观摩活动，完成两个班级的游戏故事记录，组织园内教研一次。");
        }

        return text.ToString();
    }
}

/// <summary>The size of the chat message inside a benchmarked callback.</summary>
public enum ChatSize
{
    /// <summary>状态: a two-character command.</summary>
    TwoCharacters,

    /// <summary>A pasted weekly report of about 2 KB.</summary>
    TwoKilobytes,
}
