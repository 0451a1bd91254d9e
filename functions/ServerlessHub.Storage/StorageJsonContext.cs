using System.Text.Json.Serialization;
using ServerlessHub.Submissions;

namespace ServerlessHub.Storage;

[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<FieldChange>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, decimal>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
